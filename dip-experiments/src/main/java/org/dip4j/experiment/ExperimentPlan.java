package org.dip4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned experiment: every run of the grid with its complete configuration, checked, plus how
 * to report it. Made by {@link ExperimentPlanner}.
 *
 * @param file         the experiment file
 * @param title        the report's title
 * @param description  a paragraph for the report ("" when none)
 * @param outputFolder where the run folders and the report go
 * @param axes         the grid's axes, in order (the first varies slowest)
 * @param seeds        the seeds every configuration runs with
 * @param runs         the runs, in execution order
 * @param table        the table to make
 * @param plotMetrics  the metrics to plot over iterations; empty for every logged metric
 */
public record ExperimentPlan(Path file, String title, String description, Path outputFolder, List<Axis> axes,
        List<Long> seeds, List<PlannedRun> runs, TableSpec table, List<String> plotMetrics) {

    public ExperimentPlan {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        plotMetrics = List.copyOf(plotMetrics);
    }

    /** The specs of all runs, in order. */
    public List<RunSpec> specs() {
        return runs.stream().map(PlannedRun::spec).toList();
    }

    /** The distinct configurations, in grid order, each with its runs (one per seed). */
    public Map<Configuration, List<PlannedRun>> byConfiguration() {
        Map<Configuration, List<PlannedRun>> m = new LinkedHashMap<>();
        for (PlannedRun r : runs) {
            m.computeIfAbsent(r.configuration(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** This plan with another output folder ({@code --out}). */
    public ExperimentPlan withOutputFolder(Path folder) {
        return new ExperimentPlan(file, title, description, folder, axes, seeds, runs, table, plotMetrics);
    }

    /** This plan restricted to the runs whose id matches {@code glob} ({@code --only}); tables still list all. */
    public List<RunSpec> specsMatching(String glob) {
        var matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return runs.stream().map(PlannedRun::spec).filter(s -> matcher.matches(Path.of(s.id()))).toList();
    }
}
