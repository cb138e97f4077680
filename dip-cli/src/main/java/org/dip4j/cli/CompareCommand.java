package org.dip4j.cli;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dip4j.api.Configs;
import org.dip4j.api.DipException;
import org.dip4j.api.InvalidInputException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dip compare A.conf B.conf ...}: runs several configurations with the same overrides
 * (same inputs, same seed) and joins their metrics into one table, a column per configuration
 * and metric and a row per logged iteration, like the seed report's Tables 3 and 4.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run several configurations on the same inputs and seed; write one table of their metrics.")
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE.conf", description = "The configurations to compare.")
    List<Path> files;

    @Option(names = "--labels", split = ",", description = "Column labels (default: the file names).")
    @Nullable List<String> labels;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override applied to every configuration.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "N", description = "Iterations of every run.")
    @Nullable Integer iterations;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the runs and the table.")
    Path out;

    @Override
    public Integer call() {
        List<String> names = labels != null ? labels : files.stream()
                .map(f -> f.getFileName().toString().replaceFirst("\\.conf$", "")).toList();
        if (names.size() != files.size() || new TreeSet<>(names).size() != names.size()) {
            throw new InvalidInputException("--labels must give one distinct label per configuration file");
        }
        List<String> all = new ArrayList<>();
        if (iterations != null) {
            all.add("dip.run.iterations=" + iterations);
        }
        all.addAll(overrides);
        Config common = all.isEmpty() ? com.typesafe.config.ConfigFactory.empty() : Configs.parseOverrides(all);
        PrintWriter stdout = spec.commandLine().getOut();
        for (int i = 0; i < files.size(); i++) {
            stdout.println("== " + names.get(i) + " (" + files.get(i) + ")");
            RunLauncher.launch(common.withFallback(Configs.parseFile(files.get(i))), out.resolve(names.get(i)), stdout);
        }
        writeTable(names);
        stdout.println("table: " + out.resolve("table.md"));
        return 0;
    }

    /** Joins the runs' metrics.csv files on the iteration column. */
    private void writeTable(List<String> names) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (String name : names) {
            List<String> lines = read(out.resolve(name).resolve("metrics.csv"));
            String[] header = lines.get(0).split(",", -1);
            for (int c = 2; c < header.length; c++) {
                columns.add(name + ":" + header[c]);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = rows.computeIfAbsent(cells[0], k -> new LinkedHashMap<>());
                for (int c = 2; c < header.length; c++) {
                    row.put(name + ":" + header[c], cells[c]);
                }
            }
        }
        StringBuilder csv = new StringBuilder("iteration," + String.join(",", columns) + "\n");
        StringBuilder md = new StringBuilder("| iteration | " + String.join(" | ", columns) + " |\n|---|"
                + "---|".repeat(columns.size()) + "\n");
        rows.entrySet().stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()), Integer.parseInt(b.getKey())))
                .forEach(e -> {
                    List<String> cells = new ArrayList<>();
                    for (String col : columns) {
                        String v = e.getValue().getOrDefault(col, "");
                        cells.add(v.isEmpty() ? "" : trim(v));
                    }
                    csv.append(e.getKey()).append(',').append(String.join(",", cells)).append('\n');
                    md.append("| ").append(e.getKey()).append(" | ").append(String.join(" | ", cells)).append(" |\n");
                });
        write(out.resolve("table.csv"), csv.toString());
        write(out.resolve("table.md"), md.toString());
    }

    private static String trim(String number) {
        try {
            return String.format(java.util.Locale.ROOT, "%.4f", Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DipException("cannot write " + p + ": " + e.getMessage(), e);
        }
    }
}
