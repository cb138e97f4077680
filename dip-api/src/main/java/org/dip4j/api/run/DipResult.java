package org.dip4j.api.run;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.jspecify.annotations.Nullable;

/**
 * What a run produced.
 *
 * @param task the task id
 * @param iterations iterations completed
 * @param total the iteration count the run was set to end at
 * @param seconds optimisation wall time
 * @param cancelled whether the run was cancelled before its last iteration (the result is then
 *     the state after the last completed iteration)
 * @param restores how often the divergence guard restored the parameters
 * @param metrics the metrics of the final output (NaN where a metric does not apply)
 * @param outputs the output images by name, as the run folder's files: {@code result} (the
 *     network on the unperturbed input), {@code result_smoothed} (the moving average of the
 *     outputs), and {@code result_early_stop} with early stopping
 * @param inputs the task's inputs as the run saw them (e.g. {@code noisy}, {@code ground_truth},
 *     {@code mask}), by the name of their file in a run folder without {@code .png}
 * @param runFolder the run folder, or null when the run wrote none
 */
@API(status = API.Status.STABLE, since = "0.1")
public record DipResult(String task, int iterations, int total, double seconds, boolean cancelled, int restores,
        Map<String, Double> metrics, Map<String, Image> outputs, Map<String, Image> inputs, @Nullable Path runFolder) {
    /** The name of the main output. */
    public static final String RESULT = "result";

    public DipResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        if (!outputs.containsKey(RESULT)) {
            throw new IllegalArgumentException("a result needs the output '" + RESULT + "'");
        }
    }

    /** The final output: the network on the unperturbed input. */
    public Image output() {
        return Objects.requireNonNull(outputs.get(RESULT));
    }

    /** {@link #output()} as an 8-bit image. */
    public BufferedImage outputImage() {
        return Images.toBufferedImage(output());
    }

    /** A metric of the final output, NaN when the run has no such metric or it does not apply. */
    public double metric(String id) {
        Double v = metrics.get(id);
        return v == null ? Double.NaN : v;
    }
}
