package org.dip4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.report.ResultTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blending layout (Tables 5–6): a row per method from each run's report table, summarised over seeds. */
class MethodTableTests {
    @Test
    void aRowPerMethodInTheGivenOrderWithLabelsAndSeedStatistics(@TempDir Path dir) throws IOException {
        TinyExperiment.image(dir);
        TinyExperiment.write(dir, "base.conf", TinyExperiment.runSettings(4));
        Path file = TinyExperiment.write(dir, "blend.conf", """
                experiment {
                  base = "base.conf"
                  seeds = [0, 1]
                  table {
                    rows = methods
                    methods = [poisson, dip]
                    metrics = [gff, bsi]
                    labels { poisson = Poisson, dip = "Ours", gff = GFF }
                  }
                }
                """);
        ExperimentPlan plan = ExperimentPlanner.plan(file, List.of(), dir, getClass().getClassLoader(),
                PluginRegistry.load());
        Path out = plan.outputFolder();
        finishedRun(out.resolve("seed0"), "alpha,0.5,1.0,9\npoisson,0.6,20.0,9\ndip,0.7,30.0,9\n");
        finishedRun(out.resolve("seed1"), "alpha,0.5,1.0,9\npoisson,0.8,22.0,9\ndip,0.7,,9\n");

        ResultTable t = ExperimentTables.build(plan, out);

        assertThat(t.rowHeader()).isEqualTo("method");
        assertThat(t.columns()).extracting(ResultTable.Column::label).containsExactly("GFF", "bsi");
        // poisson: gff 0.6, 0.8 → 0.7 ± 0.1414; bsi 20, 22 → 21 ± 1.4142. dip: bsi only in seed 0.
        assertThat(t.markdown()).contains("| Poisson | 0.7000 ± 0.1414 | 21.0000 ± 1.4142 |")
                .contains("| Ours | 0.7000 ± 0.0000 | 30.0000 (n=1) |").doesNotContain("alpha");
    }

    private static void finishedRun(Path folder, String rows) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("summary.json"),
                "{\"task\":\"blend\",\"iterations\":4,\"seconds\":1.0,\"interrupted\":false,\"metrics\":{}}");
        Files.writeString(folder.resolve("table.csv"), "method,gff,bsi,seconds\n" + rows);
    }
}
