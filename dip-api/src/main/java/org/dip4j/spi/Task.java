package org.dip4j.spi;

import org.apiguardian.api.API;

/**
 * A restoration task: turns its settings (input files, degradation) into a {@link Problem} for
 * the engine. Settings are read from {@code dip.tasks.<id>}; every task subtree also names the
 * task's loss terms ({@code losses { id = weight }}) and logged metrics ({@code metrics = [..]}).
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Task extends Plugin {
    /** Loads and degrades the inputs; throws {@link org.dip4j.api.InvalidInputException} on bad input. */
    Problem prepare(TaskContext context);

    /**
     * Writes task-specific extras into the run folder once the result is known, such as a
     * side-by-side figure with the baselines or a table of their metrics. The default writes
     * nothing. Called after the standard outputs are written.
     */
    default void writeReport(RunOutcome outcome) {}
}
