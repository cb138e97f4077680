package org.dip4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.ExecutorProvider;
import org.dip4j.experiment.ExperimentPlan;
import org.dip4j.experiment.ExperimentPlanner;
import org.dip4j.experiment.ExperimentReport;
import org.dip4j.experiment.ExperimentRunner;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.dip4j.experiment.RunStatus;
import org.dip4j.experiment.SingleRun;
import org.dip4j.experiment.StaleRuns;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dip experiment FILE.conf}: runs a grid of restorations (images × settings × seeds), each
 * into its own folder, then writes the experiment's table (CSV, Markdown), one plot per metric and
 * a self-contained {@code report.html}. Finished runs are not run again, so a stopped experiment
 * continues where it stopped when started again.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run an experiment grid (see config/experiments/README.md) and report it: table.csv, table.md, "
                + "plots/<metric>.png and report.html in the output folder.",
                "Runs already finished are skipped; Ctrl-C stops the current run after writing its checkpoint, and the "
                        + "same command later continues."})
final class ExperimentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.conf", description = "The experiment file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: experiment.output, else "
            + "runs/experiments/<file name>).")
    @Nullable Path out;

    @Option(names = "--engine", paramLabel = "ID", defaultValue = "local",
            description = "Execution engine: local (one run after another in this JVM) or an installed one such as "
                    + "spark. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "The cluster for engines that use one (spark).")
    @Nullable String master;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override applied to every run, e.g. dip.run.iterations=301; experiment.KEY=VALUE changes the experiment file instead, e.g. experiment.seeds=[0] (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--only", paramLabel = "GLOB", description = "Run only the runs whose id matches, e.g. 'f16.*'; "
            + "the report still covers the whole grid.")
    @Nullable String only;

    @Option(names = "--report-only", description = "Run nothing; rebuild the table, plots and report.html from the "
            + "run folders.")
    boolean reportOnly;

    @Option(names = "--dry-run", description = "Plan and check every run, list them with their state; run nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PluginRegistry registry = DipCommand.of(spec).registry();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExperimentPlan plan = ExperimentPlanner.plan(file, overrides, Path.of("").toAbsolutePath(), loader, registry);
        if (out != null) {
            plan = plan.withOutputFolder(out.toAbsolutePath());
        }
        Path folder = plan.outputFolder();
        List<RunSpec> specs = only == null ? plan.specs() : plan.specsMatching(only);
        if (specs.isEmpty()) {
            throw new InvalidInputException("no run of " + file + " matches --only " + only + "; runs: "
                    + String.join(", ", plan.specs().stream().map(RunSpec::id).toList()));
        }
        List<String> pending = specs.stream().map(RunSpec::id).filter(id -> !SingleRun.isFinished(folder.resolve(id)))
                .toList();
        stdout.printf(Locale.ROOT, "%s: %d runs (%d to run), folder %s%n", plan.title(), plan.runs().size(),
                reportOnly ? 0 : pending.size(), folder);
        List<String> stale = StaleRuns.among(specs, folder);
        if (!stale.isEmpty()) {
            stdout.println("warning: these runs finished with other settings than the experiment now gives; they are "
                    + "kept as they are (delete their folders to run them again): " + String.join(", ", stale));
        }
        if (dryRun) {
            for (RunSpec s : plan.specs()) {
                stdout.printf(Locale.ROOT, "  %-40s %s%n", s.id(),
                        RunStatus.of(folder.resolve(s.id())).state().name().toLowerCase(Locale.ROOT));
            }
            return 0;
        }
        org.dip4j.api.OutputPaths.createFolder(folder, "experiment folder");
        if (reportOnly) {
            ExperimentRunner.writePlan(plan, folder);
            return printReport(stdout, ExperimentReport.write(plan, folder));
        }
        ExecutorProvider provider = Engines.get(registry, engine);
        List<RunRecord> records;
        ExperimentReport.Files report;
        CtrlC ctrlC = CtrlC.install("dip-experiment-ctrl-c",
                "stopping after the current iteration; writing the run folder and the report ...");
        try {
            ExperimentProgress progress = new ExperimentProgress(pending, plan.runs().size(), ProgressBar.onTerminal());
            ExperimentRunner.Result result = ExperimentRunner.run(plan, specs,
                    provider.create(new ExecutorProvider.Options(master, registry, progress, ctrlC.stop())));
            records = result.records();
            report = result.report();
        } finally {
            ctrlC.close();
        }
        int failed = 0;
        int interrupted = 0;
        for (RunRecord r : records) {
            if (r.status() == RunRecord.Status.FAILED) {
                failed++;
                stdout.println("  failed: " + r.id() + ": " + r.error());
            } else if (r.status() == RunRecord.Status.INTERRUPTED) {
                interrupted++;
            }
        }
        long ran = records.stream().filter(r -> r.status() == RunRecord.Status.FINISHED).count();
        long skipped = records.stream().filter(r -> r.status() == RunRecord.Status.ALREADY_DONE).count();
        stdout.printf(Locale.ROOT, "%d runs finished now, %d already done before, %d interrupted, %d failed%n", ran,
                skipped, interrupted, failed);
        printReport(stdout, report);
        if (interrupted > 0 && ctrlC.signalled()) {
            stdout.println("interrupted: run the same command again to continue");
            return Main.INTERRUPTED;
        }
        return failed > 0 ? CommandLine.ExitCode.SOFTWARE : 0;
    }

    private static int printReport(PrintWriter stdout, ExperimentReport.Files report) {
        stdout.println();
        stdout.print(report.table().markdown());
        stdout.println();
        stdout.println("table:  " + report.markdown() + " (and .csv)");
        stdout.println("plots:  " + report.plots().size() + " in " + report.html().resolveSibling("plots"));
        stdout.println("report: " + report.html());
        stdout.flush();
        return 0;
    }
}
