package org.dip4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dip4j.api.report.ResultTable;

/**
 * Rebuilds an experiment's report from its run folders, whatever state they are in:
 * {@code table.csv} and {@code table.md}, {@code plots/<metric>.png} and {@code report.html}.
 */
public final class ExperimentReport {
    private ExperimentReport() {}

    /** What was written. */
    public record Files(Path csv, Path markdown, List<Path> plots, Path html, ResultTable table) {}

    public static Files write(ExperimentPlan plan, Path folder) {
        ResultTable table = ExperimentTables.build(plan, folder);
        long finished = plan.runs().stream().filter(r -> SingleRun.isFinished(folder.resolve(r.id()))).count();
        String preamble = "# " + plan.title() + "\n\n" + (plan.description().isBlank() ? "" : plan.description() + "\n\n")
                + finished + " of " + plan.runs().size() + " runs finished"
                + (plan.seeds().size() > 1 ? "; cells are mean ± std over " + plan.seeds().size()
                        + " seeds ((n=k) where fewer have finished)." : ".");
        List<Path> tables = table.write(folder, "table", preamble);
        Map<String, Path> plots = MetricPlots.write(plan, folder);
        Path html = HtmlReport.write(plan, folder, table, plots);
        return new Files(tables.get(0), tables.get(1), new ArrayList<>(plots.values()), html, table);
    }
}
