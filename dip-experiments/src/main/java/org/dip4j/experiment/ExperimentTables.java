package org.dip4j.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.dip4j.api.DipException;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.Stats;

/**
 * Builds an experiment's {@link ResultTable} from its finished run folders, in the layout its
 * {@link TableSpec} asks for. Runs not finished yet are left out (their cells show fewer seeds, or
 * none).
 */
public final class ExperimentTables {
    private ExperimentTables() {}

    public static ResultTable build(ExperimentPlan plan, Path folder) {
        TableSpec spec = plan.table();
        Map<String, List<Path>> groups = finishedFolders(plan, folder);
        Map<String, String> configLabels = new LinkedHashMap<>();
        plan.byConfiguration().keySet().forEach(c -> configLabels.put(c.key(), c.label()));
        int seeds = plan.seeds().size();
        return switch (spec.rows()) {
            case ITERATIONS -> IterationTable.join(groups, spec.metrics(), spec.every(), seeds,
                    heading(spec, configLabels, spec.metrics().size()));
            case METHODS -> methods(spec, groups, configLabels, seeds);
            case RUNS -> runs(plan, spec, groups, seeds);
        };
    }

    /** Configuration key to the folders of its finished runs. */
    public static Map<String, List<Path>> finishedFolders(ExperimentPlan plan, Path folder) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        plan.byConfiguration().forEach((c, runs) -> groups.put(c.key(), runs.stream().map(r -> folder.resolve(r.id()))
                .filter(SingleRun::isFinished).toList()));
        return groups;
    }

    /** Column headings: the metric alone for one configuration, the configuration alone for one metric. */
    private static BiFunction<String, String, String> heading(TableSpec spec, Map<String, String> configLabels,
            int metricCount) {
        return (config, metric) -> configLabels.size() == 1 ? spec.label(metric)
                : metricCount == 1 ? spec.label(configLabels.getOrDefault(config, config))
                : spec.label(configLabels.getOrDefault(config, config)) + " · " + spec.label(metric);
    }

    private static ResultTable methods(TableSpec spec, Map<String, List<Path>> groups, Map<String, String> configLabels,
            int seeds) {
        Map<String, List<Map<String, Map<String, Double>>>> tables = new LinkedHashMap<>();
        Set<String> methods = new LinkedHashSet<>(spec.methods());
        Set<String> metrics = new LinkedHashSet<>(spec.metrics());
        groups.forEach((config, folders) -> {
            List<Map<String, Map<String, Double>>> perRun = new ArrayList<>();
            for (Path f : folders) {
                Path file = f.resolve(spec.file());
                if (Files.isRegularFile(file)) {
                    Map<String, Map<String, Double>> t = readMethodTable(file);
                    perRun.add(t);
                    if (spec.methods().isEmpty()) {
                        methods.addAll(t.keySet());
                    }
                    if (spec.metrics().isEmpty()) {
                        t.values().forEach(row -> metrics.addAll(row.keySet()));
                    }
                }
            }
            tables.put(config, perRun);
        });
        BiFunction<String, String, String> heading = heading(spec, configLabels, metrics.size());
        List<ResultTable.Column> columns = new ArrayList<>();
        for (String config : tables.keySet()) {
            for (String m : metrics) {
                columns.add(new ResultTable.Column(config + ":" + m, heading.apply(config, m)));
            }
        }
        List<ResultTable.Row> rows = new ArrayList<>();
        for (String method : methods) {
            List<Stats> cells = new ArrayList<>();
            for (var perRun : tables.values()) {
                for (String m : metrics) {
                    List<Double> values = new ArrayList<>();
                    for (var t : perRun) {
                        Map<String, Double> row = t.get(method);
                        if (row != null) {
                            values.add(row.getOrDefault(m, Double.NaN));
                        }
                    }
                    cells.add(Stats.of(values));
                }
            }
            rows.add(new ResultTable.Row(method, spec.label(method), cells));
        }
        return new ResultTable("method", columns, rows, seeds);
    }

    private static ResultTable runs(ExperimentPlan plan, TableSpec spec, Map<String, List<Path>> groups, int seeds) {
        Map<String, List<Map<String, Double>>> finals = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>(spec.metrics());
        groups.forEach((config, folders) -> {
            List<Map<String, Double>> perRun = new ArrayList<>();
            for (Path f : folders) {
                RunRecord r = SingleRun.read(f.getFileName().toString(), f);
                Map<String, Double> values = new LinkedHashMap<>(r.metrics());
                values.put("seconds", r.seconds());
                values.put("iterations", (double) r.iterations());
                perRun.add(values);
                if (spec.metrics().isEmpty()) {
                    metrics.addAll(r.metrics().keySet());
                }
            }
            finals.put(config, perRun);
        });
        List<ResultTable.Column> columns = metrics.stream().map(m -> new ResultTable.Column(m, spec.label(m))).toList();
        List<ResultTable.Row> rows = new ArrayList<>();
        for (Configuration c : plan.byConfiguration().keySet()) {
            List<Stats> cells = new ArrayList<>();
            for (String m : metrics) {
                cells.add(Stats.of(finals.getOrDefault(c.key(), List.of()).stream()
                        .map(v -> v.getOrDefault(m, Double.NaN)).toList()));
            }
            rows.add(new ResultTable.Row(c.key(), spec.label(c.label()), cells));
        }
        return new ResultTable("configuration", columns, rows, seeds);
    }

    /** A run's report table (CSV, first column {@code method}): method to metric to value. */
    static Map<String, Map<String, Double>> readMethodTable(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return table;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int c = 1; c < header.length; c++) {
                row.put(header[c], c < cells.length ? MetricsLog.parse(cells[c]) : Double.NaN);
            }
            table.put(cells[0], row);
        }
        return table;
    }
}
