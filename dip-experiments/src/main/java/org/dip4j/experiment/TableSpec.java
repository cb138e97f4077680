package org.dip4j.experiment;

import java.util.List;
import java.util.Map;

/**
 * The experiment's table ({@code experiment.table}).
 *
 * @param rows    what a row is
 * @param metrics the metrics shown, in order; empty for all
 * @param every   {@link Rows#ITERATIONS}: keep the iterations that are multiples of this (0: every logged one)
 * @param file    {@link Rows#METHODS}: the run folder's report table to read (a CSV with a {@code method} column)
 * @param methods {@link Rows#METHODS}: the methods shown, in order; empty for all, in the file's order
 * @param labels  display names of metrics, methods and variants, by id
 */
public record TableSpec(Rows rows, List<String> metrics, int every, String file, List<String> methods,
        Map<String, String> labels) {

    /** What a table row stands for. */
    public enum Rows {
        /** A row per logged iteration, a column per configuration and metric (the report's Tables 1–4). */
        ITERATIONS,
        /** A row per method of each run's report table, a column per metric (Tables 5–6). */
        METHODS,
        /** A row per configuration, a column per final metric. */
        RUNS
    }

    public TableSpec {
        metrics = List.copyOf(metrics);
        methods = List.copyOf(methods);
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    /** The display name of a metric or method id. */
    public String label(String id) {
        return labels.getOrDefault(id, id);
    }
}
