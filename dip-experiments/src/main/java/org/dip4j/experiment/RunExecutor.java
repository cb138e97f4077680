package org.dip4j.experiment;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Executes the runs of an experiment, each into {@code experimentFolder/<spec.id()>}. A run
 * whose folder already holds a finished run is not run again ({@link RunRecord.Status#ALREADY_DONE}),
 * so a restarted experiment continues where it stopped; a failing run fails alone.
 *
 * <p>Implementations: {@link LocalExecutor} (one run after another in this JVM) and the Spark
 * executor of {@code dip-spark}. They must give the same numbers for the same specs.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RunExecutor {
    /** Runs {@code specs}; returns one record per spec, in the order of {@code specs}. */
    List<RunRecord> execute(List<RunSpec> specs, Path experimentFolder);
}
