package org.dip4j.experiment;

/** One run of the grid: what to execute, which configuration it belongs to and its seed. */
public record PlannedRun(RunSpec spec, Configuration configuration, long seed) {
    public String id() {
        return spec.id();
    }
}
