package org.dip4j.experiment;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dip4j.api.DipException;
import org.dip4j.api.report.ResultTable;

/**
 * Executes an experiment: writes its plan ({@code experiment.conf}), runs the pending runs with a
 * {@link RunExecutor} (finished ones are skipped by the executor), records failures, and rebuilds
 * the report.
 */
public final class ExperimentRunner {
    public static final String PLAN_FILE = "experiment.conf";

    private ExperimentRunner() {}

    /** What an execution did: one record per spec run, and the report written afterwards. */
    public record Result(List<RunRecord> records, ExperimentReport.Files report) {}

    /** Runs {@code specs} (all or some of {@code plan}'s) and writes the report. */
    public static Result run(ExperimentPlan plan, List<RunSpec> specs, RunExecutor executor) {
        Path folder = plan.outputFolder();
        writePlan(plan, folder);
        List<RunRecord> records = executor.execute(specs, folder);
        for (RunRecord r : records) {
            Path error = folder.resolve(r.id()).resolve(RunStatus.ERROR_FILE);
            try {
                if (r.status() == RunRecord.Status.FAILED) {
                    Files.createDirectories(error.getParent());
                    Files.writeString(error, String.valueOf(r.error()) + "\n", StandardCharsets.UTF_8);
                } else {
                    Files.deleteIfExists(error);
                }
            } catch (IOException e) {
                throw new DipException("cannot write " + error + ": " + e.getMessage(), e);
            }
        }
        return new Result(records, ExperimentReport.write(plan, folder));
    }

    /** {@code experiment.conf}: the title, file, seeds, axes and every run's id and coordinates. */
    public static Path writePlan(ExperimentPlan plan, Path folder) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", plan.title());
        root.put("file", plan.file().toString());
        root.put("seeds", plan.seeds());
        Map<String, Object> axes = new LinkedHashMap<>();
        for (Axis a : plan.axes()) {
            List<Object> variants = new ArrayList<>();
            a.variants().forEach(v -> variants.add(Map.of("name", v.name(), "label", v.label(), "base", v.bases())));
            axes.put(a.name(), variants);
        }
        root.put("axes", axes);
        root.put("table", Map.of("rows", plan.table().rows().name().toLowerCase(java.util.Locale.ROOT),
                "metrics", plan.table().metrics(), "every", plan.table().every()));
        List<Object> runs = new ArrayList<>();
        plan.runs().forEach(r -> runs.add(Map.of("id", r.id(), "coordinates", r.spec().coordinates())));
        root.put("runs", runs);
        String text = "# The planned grid of " + plan.file().getFileName() + "; each run's complete settings are in "
                + "<id>/run.conf once it starts.\n" + ConfigValueFactory.fromMap(Map.of("experiment", root))
                .render(ConfigRenderOptions.concise().setJson(false).setFormatted(true)) + "\n";
        Path file = folder.resolve(PLAN_FILE);
        ResultTable.writeText(file, text);
        return file;
    }
}
