package org.dip4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.jspecify.annotations.Nullable;

/** The summary of a batch: one row per image with its status, iterations, time, final metrics and error. */
final class BatchTable {
    static final String CSV = "batch.csv";
    static final String MARKDOWN = "batch.md";

    private BatchTable() {}

    /** Writes {@link #CSV} and {@link #MARKDOWN} into {@code folder}; returns the Markdown. */
    static String write(Path folder, List<RunSpec> specs, List<RunRecord> records) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        records.forEach(r -> metrics.addAll(r.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("image", "status", "iterations", "seconds"));
        header.addAll(metrics);
        header.add("error");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RunRecord r = records.get(i);
            List<String> row = new ArrayList<>();
            row.add(specs.get(i).coordinates().getOrDefault("image", r.id()));
            row.add(r.status().name());
            row.add(Integer.toString(r.iterations()));
            row.add(String.format(Locale.ROOT, "%.1f", r.seconds()));
            for (String m : metrics) {
                row.add(number(r.metrics().get(m)));
            }
            row.add(r.error() == null ? "" : r.error());
            rows.add(row);
        }
        StringBuilder csv = new StringBuilder(csvLine(header));
        rows.forEach(row -> csv.append(csvLine(row)));
        Files.writeString(folder.resolve(CSV), csv);
        StringBuilder md = new StringBuilder(mdLine(header));
        md.append(mdLine(header.stream().map(h -> "---").toList()));
        rows.forEach(row -> md.append(mdLine(row)));
        Files.writeString(folder.resolve(MARKDOWN), md);
        return md.toString();
    }

    private static String number(@Nullable Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n")
                    ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\n";
    }

    private static String mdLine(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " ")).toList())
                + " |\n";
    }
}
