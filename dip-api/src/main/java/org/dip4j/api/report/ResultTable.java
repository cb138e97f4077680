package org.dip4j.api.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.dip4j.api.DipException;

/**
 * A table of results, written as CSV (full precision, for scripts) and as Markdown (rounded per
 * column, for reading): a first column naming the row (a method, a configuration, an iteration)
 * and one column per value. Each cell holds the {@link Stats} of its value over seeds; with
 * several seeds Markdown shows {@code mean ± std} (and {@code n} where seeds are missing) and CSV
 * has {@code _mean}, {@code _std} and {@code _n} columns. A missing value (NaN) is an empty CSV
 * cell and {@code –} in Markdown, infinities are {@code inf}. CSV cells are quoted and Markdown
 * cells escaped where their text needs it.
 *
 * <p>Task reports build one with {@link #ResultTable(List)} and {@link #add}, one row per method
 * and one value per cell.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ResultTable {
    /** Decimals shown in Markdown for a column that does not say. */
    public static final int DEFAULT_DECIMALS = 4;

    /** A value column: its CSV name, its Markdown heading and how many decimals Markdown shows. */
    public record Column(String csvName, String label, int decimals) {
        public Column(String csvName, String label) {
            this(csvName, label, DEFAULT_DECIMALS);
        }
    }

    /** A row: its CSV key, its Markdown label and one cell per column. */
    public record Row(String key, String label, List<Stats> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final String rowKey;
    private final String rowLabel;
    private final List<Column> columns;
    private final List<Row> rows;
    private final int seeds;

    /**
     * A table over seeds.
     *
     * @param rowHeader what the first column holds ({@code iteration}, {@code method}, {@code configuration})
     * @param seeds     how many seeds the experiment has (1: plain values)
     */
    public ResultTable(String rowHeader, List<Column> columns, List<Row> rows, int seeds) {
        this(rowHeader, rowHeader, columns, rows, seeds);
    }

    /** An empty table of methods (CSV {@code method}, Markdown {@code Method}), one value per cell; rows come from {@link #add}. */
    public ResultTable(List<Column> columns) {
        this("method", "Method", columns, List.of(), 1);
    }

    private ResultTable(String rowKey, String rowLabel, List<Column> columns, List<Row> rows, int seeds) {
        this.rowKey = rowKey;
        this.rowLabel = rowLabel;
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(rows);
        this.seeds = seeds;
        for (Row r : rows) {
            checkWidth(r);
        }
    }

    /** Adds the row of {@code method}; {@code values} follow the columns' order. */
    public ResultTable add(String method, double... values) {
        List<Stats> cells = new ArrayList<>();
        for (double v : values) {
            cells.add(Stats.of(v));
        }
        Row row = new Row(method, method, cells);
        checkWidth(row);
        rows.add(row);
        return this;
    }

    private void checkWidth(Row r) {
        if (r.cells().size() != columns.size()) {
            throw new IllegalArgumentException("row '" + r.key() + "' has " + r.cells().size() + " values for "
                    + columns.size() + " columns");
        }
    }

    /** The CSV heading of the first column (its Markdown heading may be capitalised). */
    public String rowHeader() {
        return rowKey;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int seeds() {
        return seeds;
    }

    /** CSV: values with 6 decimals. */
    public String csv() {
        StringBuilder s = new StringBuilder(csvCell(rowKey));
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

    /** A GitHub-flavoured Markdown table, numbers right-aligned. */
    public String markdown() {
        StringBuilder s = new StringBuilder("| ").append(escapeMarkdown(rowLabel)).append(" |");
        columns.forEach(c -> s.append(' ').append(escapeMarkdown(c.label())).append(" |"));
        s.append("\n|---|");
        columns.forEach(c -> s.append("---:|"));
        s.append('\n');
        for (Row r : rows) {
            s.append("| ").append(escapeMarkdown(r.label())).append(" |");
            for (int i = 0; i < columns.size(); i++) {
                s.append(' ').append(cell(i, r.cells().get(i))).append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * A cell of column {@code column} as text: {@code –} when empty, {@code mean ± std} over
     * several seeds, {@code (n=k)} when seeds are missing.
     */
    public String cell(int column, Stats cell) {
        if (cell.isEmpty()) {
            return "–";
        }
        int decimals = columns.get(column).decimals();
        String text = number(cell.mean(), decimals);
        if (seeds > 1 && cell.n() > 1) {
            text += " ± " + number(cell.std(), decimals);
        }
        if (seeds > 1 && cell.n() < seeds) {
            text += " (n=" + cell.n() + ")";
        }
        return text;
    }

    /**
     * Writes the CSV and the Markdown into {@code folder} under the given file names;
     * {@code preamble} heads the Markdown. Returns both files.
     */
    public List<Path> write(Path folder, String csvName, String markdownName, String preamble) {
        Path csv = folder.resolve(csvName);
        Path md = folder.resolve(markdownName);
        writeText(csv, csv());
        writeText(md, preamble.isEmpty() ? markdown() : preamble + "\n\n" + markdown());
        return new ArrayList<>(List.of(csv, md));
    }

    /** As {@link #write(Path, String, String, String)} into {@code <name>.csv} and {@code <name>.md}. */
    public List<Path> write(Path folder, String name, String preamble) {
        return write(folder, name + ".csv", name + ".md", preamble);
    }

    /** {@code v} with {@code decimals} decimals; empty for NaN, {@code inf} / {@code -inf} for infinities. */
    public static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String escapeMarkdown(String s) {
        return s.replace("|", "\\|");
    }

    /** Writes {@code text} to {@code file}, creating its folder; a failure is a {@link DipException} naming the file. */
    public static void writeText(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
