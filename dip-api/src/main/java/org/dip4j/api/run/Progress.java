package org.dip4j.api.run;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/**
 * One completed iteration, as a {@link ProgressListener} sees it. The current output is made
 * only when asked for ({@link #output()}), so listeners that do not ask cost the loop nothing.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Progress {
    private final int iteration;
    private final int total;
    private final double seconds;
    private final Map<String, Double> metrics;
    private final boolean logged;
    private final Supplier<Image> output;

    /**
     * For engines.
     *
     * @param iteration the 0-based index of the iteration just completed
     * @param total the iteration count the run ends at
     * @param seconds optimisation wall time so far
     * @param metrics the metrics logged most recently
     * @param logged whether {@code metrics} were computed at this iteration
     * @param output makes a copy of the current output; may refuse after the callback returned
     */
    public Progress(int iteration, int total, double seconds, Map<String, Double> metrics, boolean logged,
            Supplier<Image> output) {
        this.iteration = iteration;
        this.total = total;
        this.seconds = seconds;
        this.metrics = Map.copyOf(metrics);
        this.logged = logged;
        this.output = output;
    }

    /** The 0-based index of the iteration just completed (the numbering of {@code metrics.csv}). */
    public int iteration() {
        return iteration;
    }

    /** Iterations completed: {@link #iteration()} + 1. */
    public int done() {
        return iteration + 1;
    }

    /** The iteration count the run ends at (unless it is cancelled or stops early). */
    public int total() {
        return total;
    }

    /** Optimisation wall time so far, in seconds. */
    public double seconds() {
        return seconds;
    }

    /**
     * The metrics logged most recently (every {@code dip.run.log-every} iterations and at the
     * last); NaN marks a metric that does not apply; empty before the first log.
     */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /** Whether {@link #metrics()} were computed at this iteration. */
    public boolean logged() {
        return logged;
    }

    /**
     * The network's output at this iteration (on the perturbed training input, as snapshots
     * show it), copied. Call it inside the callback; afterwards it throws
     * {@link IllegalStateException}.
     */
    public Image output() {
        return output.get();
    }

    /** {@link #output()} as an 8-bit image. */
    public BufferedImage outputImage() {
        return Images.toBufferedImage(output());
    }

    @Override
    public String toString() {
        return "Progress[" + done() + "/" + total + ", " + metrics + "]";
    }
}
