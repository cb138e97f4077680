package org.dip4j.experiment;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finished run folders whose {@code run.conf} no longer matches the plan (the experiment file or
 * {@code --set} changed since). They are still skipped, as every finished run is, so the user is
 * told which to delete to run them with the new settings.
 */
public final class StaleRuns {
    private StaleRuns() {}

    /** The ids of {@code specs} whose finished folder under {@code folder} was run with other settings. */
    public static List<String> among(List<RunSpec> specs, Path folder) {
        return specs.stream().filter(s -> isStale(s, folder.resolve(s.id()))).map(RunSpec::id).toList();
    }

    static boolean isStale(RunSpec spec, Path runFolder) {
        Path runConf = runFolder.resolve("run.conf");
        if (!SingleRun.isFinished(runFolder) || !Files.isRegularFile(runConf)) {
            return false;
        }
        try {
            return !ConfigFactory.parseFile(runConf.toFile()).root()
                    .equals(ConfigFactory.parseString(spec.config()).root());
        } catch (ConfigException e) {
            return true;
        }
    }
}
