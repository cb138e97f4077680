package org.dip4j.serve;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a run folder says about its run, for folders no run of this server is writing:
 * runs from the command line, finished runs and runs of an earlier server.
 */
final class RunFiles {
    /** Written by the server when a run fails: the one-line reason. */
    static final String ERROR = "error.txt";
    /** Written by the server when it accepts a run: the settings it was asked for (before defaults). */
    static final String REQUEST = "request.conf";

    private static final List<String> MARKS = List.of("run.conf", "metrics.csv", "checkpoint.zip", "summary.json",
            "result.png", REQUEST);

    private RunFiles() {}

    /** Whether {@code folder} holds a run (started, finished, stopped or only requested). */
    static boolean isRun(Path folder) {
        return Files.isDirectory(folder) && MARKS.stream().anyMatch(f -> Files.exists(folder.resolve(f)));
    }

    /** The run's view for the API: id, task, status, iteration, iterations, metrics, error. */
    static Map<String, Object> view(String id, Path folder) {
        Map<String, Object> v = new LinkedHashMap<>();
        Config summary = json(folder.resolve("summary.json"));
        Config settings = hocon(folder.resolve("run.conf"));
        if (settings == null) {
            settings = hocon(folder.resolve(REQUEST));
        }
        String task = summary != null && summary.hasPath("task") ? summary.getString("task")
                : settings != null && settings.hasPath("dip.run.task") ? settings.getString("dip.run.task") : "";
        Status status;
        String error = text(folder.resolve(ERROR));
        if (error != null) {
            status = Status.FAILED;
        } else if (summary != null) {
            status = summary.hasPath("interrupted") && summary.getBoolean("interrupted") ? Status.STOPPED : Status.DONE;
        } else {
            status = Status.STOPPED;
        }
        List<Map<String, Object>> history = history(folder);
        int iteration = summary != null && summary.hasPath("iterations") ? summary.getInt("iterations")
                : history.isEmpty() ? 0 : Json.whole(history.get(history.size() - 1).get("iteration")) + 1;
        Object metrics = summary != null && summary.hasPath("metrics") ? summary.getObject("metrics").unwrapped()
                : history.isEmpty() ? Map.of() : history.get(history.size() - 1).get("metrics");
        v.put("id", id);
        v.put("task", task);
        v.put("status", status.json());
        v.put("iteration", iteration);
        v.put("iterations", settings != null && settings.hasPath("dip.run.iterations")
                ? settings.getInt("dip.run.iterations") : iteration);
        v.put("metrics", metrics);
        v.put("error", error);
        v.put("resumable", status != Status.DONE);
        return v;
    }

    /** The names of the files directly in {@code folder} that the API serves, sorted. */
    static List<String> files(Path folder) {
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> Runs.ID.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The rows of {@code metrics.csv}: {"iteration", "seconds", "metrics": {...}}, empty cells as null. */
    static List<Map<String, Object>> history(Path folder) {
        List<Map<String, Object>> out = new ArrayList<>();
        Path csv = folder.resolve("metrics.csv");
        if (!Files.isRegularFile(csv)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        if (lines.isEmpty()) {
            return out;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (line.isBlank() || cells.length != header.length) {
                continue; // a row being written
            }
            try {
                Map<String, Object> metrics = new LinkedHashMap<>();
                for (int i = 2; i < cells.length; i++) {
                    metrics.put(header[i], number(cells[i]));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("iteration", Integer.parseInt(cells[0]));
                row.put("seconds", number(cells[1]));
                row.put("metrics", metrics);
                out.add(row);
            } catch (NumberFormatException e) {
                // not a row of ours
            }
        }
        return out;
    }

    private static @Nullable Double number(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        double d = Double.parseDouble(cell.replace("inf", "Infinity"));
        return Double.isFinite(d) ? d : null;
    }

    static @Nullable String text(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable Config json(Path file) {
        String s = text(file);
        try {
            return s == null ? null : ConfigFactory.parseString(s);
        } catch (ConfigException e) {
            return null;
        }
    }

    private static @Nullable Config hocon(Path file) {
        try {
            return Files.isRegularFile(file) ? ConfigFactory.parseFile(file.toFile()) : null;
        } catch (ConfigException e) {
            return null;
        }
    }
}
