package org.dip4j.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import org.dip4j.tasks.blend.BlendOutput;

/**
 * The blending run's twin: with {@code dip.tasks.blend.compare-direct} on and an output other than
 * {@code direct}, the launcher first trains the report's {@code direct} formulation at the same
 * settings into {@code <run folder>-direct}, then the run itself with {@code compare-with} pointing
 * there, so its report shows both at the same budget.
 */
final class BlendTwin {
    private static final String BLEND = "dip.tasks.blend.";

    private BlendTwin() {}

    static boolean wanted(Config config) {
        if (!"blend".equals(config.getString("dip.run.task")) || !config.hasPath(BLEND + "compare-direct")) {
            return false;
        }
        // A bad output setting is reported now, not after the twin has trained for minutes.
        BlendOutput.Kind output = BlendOutput.kindOf(config.getString(BLEND + "output"));
        return config.getBoolean(BLEND + "compare-direct") && output != BlendOutput.Kind.DIRECT
                && config.getString(BLEND + "compare-with").isBlank();
    }

    static Path folderBeside(Path dir) {
        Path name = dir.toAbsolutePath().normalize();
        return name.resolveSibling(name.getFileName() + "-direct");
    }

    /** The user's settings with the direct formulation and no further twin. */
    static Config twinSettings(Config user) {
        return user.withValue(BLEND + "output", ConfigValueFactory.fromAnyRef("direct"))
                .withValue(BLEND + "compare-direct", ConfigValueFactory.fromAnyRef(false));
    }

    static Config comparedWith(Config user, Path twin) {
        return user.withValue(BLEND + "compare-with", ConfigValueFactory.fromAnyRef(twin.toString()));
    }
}
