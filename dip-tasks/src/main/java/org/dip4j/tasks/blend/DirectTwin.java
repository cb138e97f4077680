package org.dip4j.tasks.blend;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A finished run of the report's {@code direct} formulation at the same settings, named by
 * {@code dip.tasks.blend.compare-with} (its run folder), so the report shows it beside the run's
 * own parameterisation at the same budget. {@code ./dip blend} trains it first when
 * {@code compare-direct} is on. Its blend is the folder's {@code result.png}, its time the
 * {@code seconds} of its {@code summary.json}.
 */
final class DirectTwin {
    private static final String KEY = "dip.tasks.blend.compare-with";

    private DirectTwin() {}

    /** The twin's folder from the run's run.conf, or null when the run names none. */
    static @Nullable Path folder(Path runFolder) {
        Path conf = runFolder.resolve("run.conf");
        if (!Files.isRegularFile(conf)) {
            return null;
        }
        Config c = ConfigFactory.parseFile(conf.toFile());
        if (!c.hasPath(KEY) || c.getString(KEY).isBlank()) {
            return null;
        }
        return Path.of(c.getString(KEY));
    }

    /** The twin's blend and optimisation time; a clear error when the folder is not a finished run. */
    static BlendReport.Result read(Path twin, Image expectedShape) {
        Path result = twin.resolve("result.png");
        Path summary = twin.resolve("summary.json");
        if (!Files.isRegularFile(result) || !Files.isRegularFile(summary)) {
            throw new InvalidInputException(KEY + " = " + twin + " is not a finished run folder (no result.png and"
                    + " summary.json); run the direct formulation there first or leave the key empty");
        }
        Image image = Images.readRgb(result);
        if (!image.sameShape(expectedShape)) {
            throw new InvalidInputException(KEY + " = " + twin + " holds a " + image.shape() + " result, but this run's"
                    + " blend is " + expectedShape.shape() + ": compare runs of the same inputs and settings");
        }
        double seconds = ConfigFactory.parseFile(summary.toFile()).getDouble("seconds");
        return new BlendReport.Result(image, seconds);
    }
}
