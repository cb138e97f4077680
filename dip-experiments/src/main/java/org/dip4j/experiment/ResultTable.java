package org.dip4j.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dip4j.api.DipException;

/**
 * A table of an experiment, rendered as CSV (for scripts) and Markdown (for reading): a first
 * column naming the row (an iteration, a method, a configuration) and one column per
 * configuration and metric. Each cell holds the {@link Stats} of its value over seeds; with
 * several seeds Markdown shows {@code mean ± std} (and {@code n} where seeds are missing) and CSV
 * has {@code _mean}, {@code _std} and {@code _n} columns.
 *
 * @param rowHeader what the first column holds ({@code iteration}, {@code method}, {@code configuration})
 * @param columns   the value columns
 * @param rows      the rows, each with one cell per column
 * @param seeds     how many seeds the experiment has (1: plain values)
 * @param decimals  decimals shown in Markdown
 */
public record ResultTable(String rowHeader, List<Column> columns, List<Row> rows, int seeds, int decimals) {

    /** A value column: its CSV name and its Markdown heading. */
    public record Column(String csvName, String label) {}

    /** A row: its CSV key, its Markdown label and its cells. */
    public record Row(String key, String label, List<Stats> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public String csv() {
        StringBuilder s = new StringBuilder(csvCell(rowHeader));
        for (Column c : columns) {
            if (seeds > 1) {
                s.append(',').append(csvCell(c.csvName() + "_mean")).append(',').append(csvCell(c.csvName() + "_std"))
                        .append(',').append(csvCell(c.csvName() + "_n"));
            } else {
                s.append(',').append(csvCell(c.csvName()));
            }
        }
        s.append('\n');
        for (Row r : rows) {
            s.append(csvCell(r.key()));
            for (Stats cell : r.cells()) {
                s.append(',').append(number(cell.mean(), 6));
                if (seeds > 1) {
                    s.append(',').append(cell.n() > 1 ? number(cell.std(), 6) : "").append(',').append(cell.n());
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    public String markdown() {
        StringBuilder s = new StringBuilder("| ").append(escapeMarkdown(rowHeader)).append(" |");
        columns.forEach(c -> s.append(' ').append(escapeMarkdown(c.label())).append(" |"));
        s.append("\n|---|");
        columns.forEach(c -> s.append("---:|"));
        s.append('\n');
        for (Row r : rows) {
            s.append("| ").append(escapeMarkdown(r.label())).append(" |");
            for (Stats cell : r.cells()) {
                s.append(' ').append(cell(cell)).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A cell as text: {@code –} when empty, {@code mean ± std} over several seeds, {@code (n=k)} when seeds are missing. */
    public String cell(Stats cell) {
        if (cell.isEmpty()) {
            return "–";
        }
        String text = number(cell.mean(), decimals);
        if (seeds > 1 && cell.n() > 1) {
            text += " ± " + number(cell.std(), decimals);
        }
        if (seeds > 1 && cell.n() < seeds) {
            text += " (n=" + cell.n() + ")";
        }
        return text;
    }

    /** Writes {@code <name>.csv} and {@code <name>.md} into {@code folder}; {@code preamble} heads the Markdown. */
    public List<Path> write(Path folder, String name, String preamble) {
        Path csv = folder.resolve(name + ".csv");
        Path md = folder.resolve(name + ".md");
        writeText(csv, csv());
        writeText(md, preamble.isEmpty() ? markdown() : preamble + "\n\n" + markdown());
        return new ArrayList<>(List.of(csv, md));
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String escapeMarkdown(String s) {
        return s.replace("|", "\\|");
    }

    static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
