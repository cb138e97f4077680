package org.dip4j.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dip4j.api.DipException;

/**
 * A run folder's {@code metrics.csv} ({@code iteration,seconds,<metric ids...>}, a row per logged
 * iteration): the metric ids in column order and the values by iteration. Empty cells are NaN.
 */
public record MetricsLog(List<String> metrics, TreeMap<Integer, Map<String, Double>> rows) {
    public static final String FILE = "metrics.csv";

    /** Reads {@code folder/metrics.csv}. */
    public static MetricsLog read(Path folder) {
        Path file = folder.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new DipException(file + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> metrics = new ArrayList<>(Arrays.asList(header).subList(Math.min(2, header.length), header.length));
        TreeMap<Integer, Map<String, Double>> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int c = 2; c < header.length; c++) {
                row.put(header[c], c < cells.length ? parse(cells[c]) : Double.NaN);
            }
            rows.put(Integer.parseInt(cells[0].trim()), row);
        }
        return new MetricsLog(List.copyOf(metrics), rows);
    }

    /** The value of {@code metric} at {@code iteration}, NaN when not logged. */
    public double value(int iteration, String metric) {
        Map<String, Double> row = rows.get(iteration);
        Double v = row == null ? null : row.get(metric);
        return v == null ? Double.NaN : v;
    }

    static double parse(String cell) {
        String s = cell.trim();
        return switch (s) {
            case "" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
