package org.dip4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.run.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-run experiment (32×32 image, 2-level 4-channel network, 6 iterations) run for real, twice. */
class ExperimentEndToEndTests {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @Test
    void runsTheGridWritesTheReportAndSkipsFinishedRunsOnRestart(@TempDir Path dir) throws IOException {
        TinyExperiment.image(dir);
        TinyExperiment.write(dir, "base.conf", TinyExperiment.runSettings(6));
        Path file = TinyExperiment.write(dir, "tiny.conf", """
                experiment {
                  title = "Tiny <denoising> & co"
                  base = "base.conf"
                  axes {
                    rate = [ { name = slow, label = "lr 0.005", dip.optimizer.learning-rate = 0.005 }, { name = fast, label = "lr 0.02", dip.optimizer.learning-rate = 0.02 } ]
                  }
                  table { rows = iterations, metrics = [psnr_gt, psnr_noisy] }
                }
                """);
        ExperimentPlan plan = ExperimentPlanner.plan(file, List.of(), dir, getClass().getClassLoader(), REGISTRY);
        RunExecutor executor = new LocalExecutor(REGISTRY, p -> { }, new AtomicBoolean());

        ExperimentRunner.Result first = ExperimentRunner.run(plan, plan.specs(), executor);

        assertThat(first.records()).as(first.records().toString()).extracting(RunRecord::status).containsOnly(RunRecord.Status.FINISHED);
        Path out = plan.outputFolder();
        assertThat(out.resolve("experiment.conf")).exists();
        String md = Files.readString(out.resolve("table.md"));
        assertThat(md).contains("| iteration | lr 0.005 · psnr_gt | lr 0.005 · psnr_noisy | lr 0.02 · psnr_gt |")
                .contains("| 0 |").contains("| 4 |").contains("| 5 |").doesNotContain("–");
        assertThat(Files.readAllLines(out.resolve("table.csv")).get(0))
                .isEqualTo("iteration,slow:psnr_gt,slow:psnr_noisy,fast:psnr_gt,fast:psnr_noisy");
        for (String metric : List.of("psnr_gt", "psnr_noisy")) {
            byte[] png = Files.readAllBytes(out.resolve("plots").resolve(metric + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<title>Tiny &lt;denoising&gt; &amp; co</title>")
                .contains("data:image/png;base64,").contains("noisy input").contains("ground truth")
                .contains("2 of 2 runs finished").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script");
        // The runs' provenance: the input image with its SHA-256, and the ND4J version.
        assertThat(html).contains("<h2>Provenance</h2>", "1.0.0-M2.1").containsPattern("<td>img\\.png</td><td>\\d+</td><td[^>]*>[0-9a-f]{64}</td>");

        Path summary = out.resolve("slow.seed0").resolve("summary.json");
        FileTime before = Files.getLastModifiedTime(summary);
        ExperimentRunner.Result second = ExperimentRunner.run(plan, plan.specs(), executor);
        assertThat(second.records()).extracting(RunRecord::status).containsOnly(RunRecord.Status.ALREADY_DONE);
        assertThat(Files.getLastModifiedTime(summary)).isEqualTo(before);
        assertThat(second.records().get(0).metrics()).isEqualTo(first.records().get(0).metrics());
        assertThat(StaleRuns.among(plan.specs(), out)).isEmpty();
        ExperimentPlan changed = ExperimentPlanner.plan(file, List.of("dip.run.iterations=7"), dir,
                getClass().getClassLoader(), REGISTRY);
        assertThat(StaleRuns.among(changed.specs(), out)).containsExactly("slow.seed0", "fast.seed0");
    }

    @Test
    void aStoppedExperimentLeavesTheRestPendingAndReportsWhatFinished(@TempDir Path dir) throws IOException {
        TinyExperiment.image(dir);
        TinyExperiment.write(dir, "base.conf", TinyExperiment.runSettings(4));
        Path file = TinyExperiment.write(dir, "tiny.conf", """
                experiment { base = "base.conf", seeds = [0, 1], table { rows = runs, metrics = [psnr_gt] } }
                """);
        ExperimentPlan plan = ExperimentPlanner.plan(file, List.of(), dir, getClass().getClassLoader(), REGISTRY);
        AtomicBoolean stop = new AtomicBoolean();
        // Ctrl-C while the first run finishes: the second run does not start.
        ProgressListener stopAtEnd = new ProgressListener() {
            @Override
            public void progress(org.dip4j.api.run.Progress p) {}

            @Override
            public void finished(org.dip4j.api.run.DipResult result) {
                stop.set(true);
            }
        };
        ExperimentRunner.Result r = ExperimentRunner.run(plan, plan.specs(), new LocalExecutor(REGISTRY, stopAtEnd, stop));
        assertThat(r.records()).as(r.records().toString()).extracting(RunRecord::status)
                .containsExactly(RunRecord.Status.FINISHED, RunRecord.Status.INTERRUPTED);
        assertThat(r.report().table().markdown()).contains("(n=1)");
        assertThat(Files.readString(r.report().html())).contains("1 of 2 runs finished").contains("pending");

        stop.set(false);
        ExperimentRunner.Result again = ExperimentRunner.run(plan, plan.specs(),
                new LocalExecutor(REGISTRY, p -> { }, stop));
        assertThat(again.records()).extracting(RunRecord::status)
                .containsExactly(RunRecord.Status.ALREADY_DONE, RunRecord.Status.FINISHED);
        assertThat(again.report().table().markdown()).doesNotContain("(n=1)").contains(" ± ");
    }
}
