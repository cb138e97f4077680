package org.dip4j.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The one seam between the server and the engine: runs one restoration, blocking, on the
 * calling thread. The server owns queueing, state and HTTP; an implementation owns only how a
 * configured run is executed and reported.
 */
interface RunExecutor {
    /**
     * Runs the restoration {@code config} describes into {@code folder} until its last iteration
     * or until {@code stop} is requested, writing the run folder and a checkpoint on the way out.
     * With {@code resume}, continues the run in {@code folder} from its checkpoint and
     * {@code run.conf} ({@code config} is then ignored). Throws on failure; the message of an
     * {@link org.dip4j.api.InvalidInputException} is the CLI's one-line message.
     */
    Outcome run(Config config, Path folder, boolean resume, Progress progress, StopSignal stop);

    /** What a run reports while it runs; called on the run's thread, so implementations stay quick. */
    interface Progress {
        /** The run has begun: its planned iterations, its metric ids and the iteration it starts at. */
        void started(int iterations, List<String> metricIds, int startIteration);

        /** {@code done} iterations of {@code total} are complete. */
        void iteration(int done, int total);

        /** The metrics logged at {@code iteration} (NaN where a metric does not apply). */
        void logged(int iteration, double seconds, Map<String, Double> metrics);

        /** An output image was written to {@code file}, a path relative to the run folder. */
        void snapshot(int iteration, String file);
    }

    /** How a finished or stopped run ended. */
    record Outcome(int iterations, boolean interrupted, Map<String, Double> metrics) {}
}
