package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dip4j.api.Configs;
import org.dip4j.api.DipException;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.OutputPaths;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.MetricEvaluator;
import org.dip4j.spi.RunOutcome;
import org.dip4j.spi.Task;
import org.jspecify.annotations.Nullable;

/**
 * Writes a run to its folder as it goes: the inputs, {@code run.conf} and
 * {@code provenance.json} at the start,
 * {@code metrics.csv} one row per logged iteration (flushed, so a crash loses nothing logged),
 * snapshots, and at the end {@code result.png}, {@code result_smoothed.png} and
 * {@code summary.json}.
 */
public final class RunFolder implements RunObserver {
    /** The ground truth's file name in a run folder. */
    public static final String GROUND_TRUTH = "ground_truth.png";
    private final Path directory;
    private final Config config;
    private final PluginRegistry registry;
    private @Nullable BufferedWriter metricsCsv;
    private List<String> metricIds = List.of();
    private @Nullable RunInfo info;

    private final int resumeAt;

    /** A folder for a new run. */
    public RunFolder(Path directory, Config config, PluginRegistry registry) {
        this(directory, config, registry, -1);
    }

    /**
     * A folder for a run; {@code resumeAt} ≥ 0 continues a run from that iteration: logged rows
     * from that iteration on are dropped from {@code metrics.csv} and new ones appended.
     */
    public RunFolder(Path directory, Config config, PluginRegistry registry, int resumeAt) {
        this.resumeAt = resumeAt;
        this.directory = directory;
        this.config = config;
        this.registry = registry;
        OutputPaths.createFolder(directory, "run folder");
    }

    /** The files whose presence marks a folder as holding a run (started, finished or stopped). */
    private static final List<String> RUN_FILES = List.of("run.conf", "metrics.csv", "checkpoint.zip", "summary.json",
            "result.png");

    /** Whether {@code directory} holds a run, which a new run must not silently replace. */
    public static boolean holdsRun(Path directory) {
        return RUN_FILES.stream().anyMatch(f -> Files.exists(directory.resolve(f)));
    }

    /**
     * Deletes what a run wrote in {@code directory} that a new run would not overwrite (its
     * checkpoint, summary, results, snapshots), so a replacing run leaves nothing of the old one
     * behind; other files are left alone.
     */
    public static void clearRun(Path directory) {
        try {
            for (String f : List.of("run.conf", "metrics.csv", Checkpoint.FILE, "summary.json", "result.png",
                    "result_smoothed.png", "result_early_stop.png")) {
                Files.deleteIfExists(directory.resolve(f));
            }
            Path snapshots = directory.resolve("snapshots");
            if (Files.isDirectory(snapshots)) {
                try (var files = Files.list(snapshots)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(snapshots);
            }
        } catch (IOException e) {
            throw new DipException("cannot clear the earlier run in " + directory + ": " + OutputPaths.reason(e), e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void started(RunInfo info) {
        this.info = info;
        for (Map.Entry<String, Image> e : info.problem().inputsToSave().entrySet()) {
            Images.writePng(e.getValue(), directory.resolve(e.getKey()));
        }
        // The ground truth as the run saw it (cropped), for reports that show it beside the result.
        Image truth = info.problem().groundTruth();
        if (truth != null && !info.problem().inputsToSave().containsKey(GROUND_TRUTH)) {
            Images.writePng(truth, directory.resolve(GROUND_TRUTH));
        }
        writeText("run.conf", runConf(info));
        writeText(Provenance.FILE, Provenance.json(info, config, registry));
        metricIds = info.metricIds();
        try {
            Path csv = directory.resolve("metrics.csv");
            List<String> kept = new ArrayList<>();
            kept.add("iteration,seconds" + (metricIds.isEmpty() ? "" : "," + String.join(",", metricIds)));
            if (resumeAt >= 0 && Files.exists(csv)) {
                for (String row : Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).toList()) {
                    if (!row.isBlank() && Integer.parseInt(row.substring(0, row.indexOf(','))) < resumeAt) {
                        kept.add(row);
                    }
                }
            }
            metricsCsv = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
            for (String row : kept) {
                metricsCsv.write(row);
                metricsCsv.newLine();
            }
            metricsCsv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void logged(int iteration, double seconds, Map<String, Double> metrics) {
        if (metricsCsv == null) {
            return;
        }
        StringBuilder row = new StringBuilder().append(iteration).append(',').append(format(seconds, 3));
        for (String id : metricIds) {
            Double v = metrics.get(id);
            row.append(',').append(v == null || v.isNaN() ? "" : format(v, 6));
        }
        try {
            metricsCsv.write(row.toString());
            metricsCsv.newLine();
            metricsCsv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void snapshot(int iteration, Image output) {
        Images.writePng(output, directory.resolve("snapshots").resolve("iter_%06d.png".formatted(iteration)));
    }

    @Override
    public void finished(RunResult result) {
        Images.writePng(result.output(), directory.resolve("result.png"));
        Images.writePng(result.smoothedOutput(), directory.resolve("result_smoothed.png"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", result.task());
        summary.put("iterations", result.iterations());
        summary.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
        summary.put("interrupted", result.interrupted());
        summary.put("restores", result.restores());
        summary.put("peak_rss_mb", ProcessMemory.peakResidentMb());
        Map<String, Object> metrics = new LinkedHashMap<>();
        result.metrics().forEach((k, v) -> metrics.put(k, v.isNaN() || v.isInfinite() ? null : v));
        summary.put("metrics", metrics);
        if (result.earlyStop() != null) {
            RunResult.EarlyStop es = result.earlyStop();
            Images.writePng(es.output(), directory.resolve("result_early_stop.png"));
            Map<String, Object> esMetrics = new LinkedHashMap<>();
            es.metrics().forEach((k, v) -> esMetrics.put(k, v.isNaN() || v.isInfinite() ? null : v));
            Map<String, Object> esSummary = new LinkedHashMap<>();
            esSummary.put("iteration", es.iteration());
            esSummary.put("decided", es.decided());
            esSummary.put("decided_at", es.decidedAt());
            esSummary.put("stopped", es.stopped());
            esSummary.put("metrics", esMetrics);
            summary.put("early_stop", esSummary);
        }
        try {
            if (metricsCsv != null) {
                metricsCsv.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (info != null) {
            registry.get(Task.class, result.task()).writeReport(new RunOutcome(info.problem(), result.output(),
                    result.smoothedOutput(), result.iterations(), result.seconds(), directory,
                    MetricEvaluator.of(registry, config)));
        }
        // Last: a summary marks the folder complete (experiments skip such runs), so it must not
        // exist while the task's report is still being written.
        writeText("summary.json", ConfigValueFactory.fromMap(summary)
                .render(ConfigRenderOptions.concise().setJson(true).setFormatted(true)) + "\n");
    }

    private String runConf(RunInfo info) {
        List<String> header = new ArrayList<>();
        header.add("# dip4j run configuration: the complete resolved settings of this run.");
        header.add("# Repeat the run from the same working directory with: ./dip run " + directory.resolve("run.conf"));
        header.add("# written " + Instant.now());
        header.add("# dip4j " + version() + ", ND4J 1.0.0-M2.1, backend " + info.backend());
        header.add("# java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        header.add("# network parameters: " + info.parameterCount() + "; seed " + info.settings().seed()
                + " (weights, input, perturbations and degradations all derive from it)");
        registry.versions().forEach((id, v) -> header.add("# plugin " + id + " " + v));
        return String.join("\n", header) + "\n" + Configs.render(config) + "\n";
    }

    private void writeText(String name, String text) {
        Path target = directory.resolve(name);
        Path tmp = directory.resolve(name + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DipException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static String format(double v, int decimals) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String version() {
        String v = RunFolder.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
