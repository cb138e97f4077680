package org.dip4j.tasks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a report CSV (header {@code method,...}) as method → column → value, for tests. */
public final class CsvRows {
    private CsvRows() {}

    public static Map<String, Map<String, Double>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 1; i < header.length; i++) {
                row.put(header[i], cells[i].isEmpty() ? Double.NaN
                        : cells[i].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(cells[i]));
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    /** The header's column names after {@code method}. */
    public static List<String> columns(Path file) {
        try {
            String[] header = Files.readAllLines(file).get(0).split(",", -1);
            return List.of(header).subList(1, header.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
