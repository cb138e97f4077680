package org.dip4j.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.experiment.IterationTable;
import org.dip4j.experiment.SingleRun;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dip compare A.conf B.conf ...}: runs several configurations with the same overrides
 * (same inputs, same seed) and joins their metrics into one table, a column per configuration
 * and metric and a row per logged iteration, like the report's Tables 3 and 4.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run several configurations on the same inputs and seed; write one table of their metrics. "
                + "Finished runs in --out are kept; a run stopped midway continues from its checkpoint.")
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
        Config common = all.isEmpty() ? com.typesafe.config.ConfigFactory.empty() : Configs.parseOverrides(all, "--set");
        PrintWriter stdout = spec.commandLine().getOut();
        org.dip4j.api.OutputPaths.createFolder(out, "comparison folder");
        for (int i = 0; i < files.size(); i++) {
            Path folder = out.resolve(names.get(i));
            stdout.println("== " + names.get(i) + " (" + files.get(i) + ")");
            // As in experiments: a finished run is kept, a run stopped midway continues from its checkpoint.
            if (SingleRun.isFinished(folder)) {
                stdout.println("already finished in " + folder + " (delete the folder to run it again)");
                continue;
            }
            RunLauncher.resume(common.withFallback(Configs.parseFile(files.get(i))), folder, spec);
        }
        writeTable(names);
        stdout.println("table: " + out.resolve("table.md"));
        return 0;
    }

    /** Joins the runs' metrics.csv files on the iteration column (a column per run and metric). */
    private void writeTable(List<String> names) {
        Map<String, List<Path>> groups = new LinkedHashMap<>();
        names.forEach(n -> groups.put(n, List.of(out.resolve(n))));
        IterationTable.join(groups, List.of(), 0, 1, (run, metric) -> run + ":" + metric).write(out, "table", "");
    }
}
