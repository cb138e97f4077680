package org.dip4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.Stats;

/**
 * Joins the {@code metrics.csv} of run folders on the iteration column: a row per logged
 * iteration, a column per group and metric, the layout of the report's Tables 1–4. A group
 * is one configuration; its folders (one per seed) are summarised per cell. Used by
 * {@code dip experiment} and {@code dip compare}.
 */
public final class IterationTable {
    private IterationTable() {}

    /**
     * @param groups  group key to its run folders (folders without {@code metrics.csv} are skipped)
     * @param metrics the metrics to show, in order; empty for all those logged
     * @param every   keep the iterations that are multiples of this; 0 keeps all
     * @param seeds   the seeds per group, for the table's mean ± std display
     * @param heading the column heading of (group key, metric id)
     */
    public static ResultTable join(Map<String, List<Path>> groups, List<String> metrics, int every, int seeds,
            BiFunction<String, String, String> heading) {
        Map<String, List<MetricsLog>> logs = new LinkedHashMap<>();
        groups.forEach((key, folders) -> logs.put(key, folders.stream()
                .filter(f -> java.nio.file.Files.isRegularFile(f.resolve(MetricsLog.FILE))).map(MetricsLog::read).toList()));
        TreeSet<Integer> iterations = new TreeSet<>();
        List<ResultTable.Column> columns = new ArrayList<>();
        List<String[]> cellKeys = new ArrayList<>();
        for (Map.Entry<String, List<MetricsLog>> e : logs.entrySet()) {
            Set<String> logged = new LinkedHashSet<>();
            e.getValue().forEach(log -> {
                logged.addAll(log.metrics());
                iterations.addAll(log.rows().keySet());
            });
            List<String> shown = metrics.isEmpty() ? new ArrayList<>(logged) : metrics;
            for (String m : shown) {
                columns.add(new ResultTable.Column(e.getKey() + ":" + m, heading.apply(e.getKey(), m)));
                cellKeys.add(new String[] {e.getKey(), m});
            }
        }
        List<ResultTable.Row> rows = new ArrayList<>();
        for (int it : iterations) {
            if (every > 0 && it % every != 0) {
                continue;
            }
            List<Stats> cells = new ArrayList<>();
            for (String[] key : cellKeys) {
                List<Double> values = new ArrayList<>();
                for (MetricsLog log : logs.getOrDefault(key[0], List.of())) {
                    if (log.rows().containsKey(it)) {
                        values.add(log.value(it, key[1]));
                    }
                }
                cells.add(Stats.of(values));
            }
            rows.add(new ResultTable.Row(Integer.toString(it), Integer.toString(it), cells));
        }
        return new ResultTable("iteration", columns, rows, seeds);
    }
}
