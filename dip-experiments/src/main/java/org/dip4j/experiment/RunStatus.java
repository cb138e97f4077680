package org.dip4j.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a run folder stands, read from its files: finished ({@code summary.json}, not interrupted),
 * interrupted (stopped with its checkpoint written), started (killed: metrics but no summary),
 * failed ({@link #ERROR_FILE} written by the experiment), or pending (nothing yet).
 */
public record RunStatus(State state, int iterations, double seconds, @Nullable String error) {
    /** The file an experiment writes into a run folder when the run failed, with the message. */
    public static final String ERROR_FILE = "error.txt";

    public enum State { FINISHED, INTERRUPTED, STARTED, FAILED, PENDING }

    public static RunStatus of(Path folder) {
        Path summary = folder.resolve(SingleRun.SUMMARY);
        if (Files.isRegularFile(summary)) {
            Config s = ConfigFactory.parseFile(summary.toFile());
            return new RunStatus(s.getBoolean("interrupted") ? State.INTERRUPTED : State.FINISHED, s.getInt("iterations"),
                    s.getDouble("seconds"), null);
        }
        Path error = folder.resolve(ERROR_FILE);
        if (Files.isRegularFile(error)) {
            try {
                return new RunStatus(State.FAILED, -1, -1, Files.readString(error, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                return new RunStatus(State.FAILED, -1, -1, null);
            }
        }
        if (Files.isRegularFile(folder.resolve(MetricsLog.FILE))) {
            return new RunStatus(State.STARTED, -1, -1, null);
        }
        return new RunStatus(State.PENDING, -1, -1, null);
    }
}
