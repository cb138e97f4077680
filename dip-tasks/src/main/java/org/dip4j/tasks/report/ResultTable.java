package org.dip4j.tasks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dip4j.api.DipException;

/**
 * A table of numbers, one row per method, written as CSV (full precision for scripts) and as a
 * Markdown table (rounded, for reading). NaN is written as an empty cell, infinities as
 * {@code inf}.
 */
public final class ResultTable {
    /** A column: its CSV header, its Markdown header and how many decimals Markdown shows. */
    public record Column(String csvName, String title, int decimals) {}

    private record Row(String method, double[] values) {}

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    public ResultTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; {@code values} follow the columns' order. */
    public ResultTable add(String method, double... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row '" + method + "' has " + values.length + " values for "
                    + columns.size() + " columns");
        }
        rows.add(new Row(method, values.clone()));
        return this;
    }

    /** CSV: header {@code method,<csv names>}, values with 6 decimals. */
    public String csv() {
        StringBuilder s = new StringBuilder("method");
        columns.forEach(c -> s.append(',').append(c.csvName()));
        s.append('\n');
        for (Row r : rows) {
            s.append(r.method());
            for (double v : r.values()) {
                s.append(',').append(format(v, 6));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A GitHub-flavoured Markdown table, numbers right-aligned. */
    public String markdown() {
        StringBuilder s = new StringBuilder("| Method |");
        columns.forEach(c -> s.append(' ').append(c.title()).append(" |"));
        s.append("\n|---|");
        columns.forEach(c -> s.append("---:|"));
        s.append('\n');
        for (Row r : rows) {
            s.append("| ").append(r.method()).append(" |");
            for (int i = 0; i < columns.size(); i++) {
                String v = format(r.values()[i], columns.get(i).decimals());
                s.append(' ').append(v.isEmpty() ? "–" : v).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes {@code <name>.csv} and {@code <name>.md} into {@code folder}; {@code preamble} heads the Markdown. */
    public void write(Path folder, String csvName, String markdownName, String preamble) {
        writeText(folder.resolve(csvName), csv());
        writeText(folder.resolve(markdownName), preamble.isEmpty() ? markdown() : preamble + "\n\n" + markdown());
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String format(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
