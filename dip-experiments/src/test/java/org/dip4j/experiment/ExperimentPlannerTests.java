package org.dip4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentPlannerTests {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        TinyExperiment.image(dir);
        TinyExperiment.write(dir, "base.conf", TinyExperiment.runSettings(20));
    }

    private ExperimentPlan plan(String text, String... overrides) throws IOException {
        Path file = TinyExperiment.write(dir, "exp.conf", text);
        return ExperimentPlanner.plan(file, List.of(overrides), dir, getClass().getClassLoader(), REGISTRY);
    }

    private static Config config(PlannedRun run) {
        return ConfigFactory.parseString(run.spec().config());
    }

    @Test
    void expandsAxesTimesSeedsFirstAxisSlowestSeedFastest() throws IOException {
        ExperimentPlan plan = plan("""
                experiment {
                  base = "base.conf"
                  axes {
                    size = [ { name = small, dip.tasks.denoise.sigma = 10 }, { name = large, label = "σ 50", dip.tasks.denoise.sigma = 50 } ]
                    lr = [ { name = slow, dip.optimizer.learning-rate = 0.001 }, fast ]
                  }
                  seeds = [3, 4]
                }
                dip.run.iterations = 7
                """);
        assertThat(plan.runs()).extracting(PlannedRun::id).containsExactly(
                "small.slow.seed3", "small.slow.seed4", "small.fast.seed3", "small.fast.seed4",
                "large.slow.seed3", "large.slow.seed4", "large.fast.seed3", "large.fast.seed4");
        PlannedRun run = plan.runs().get(5);
        assertThat(run.spec().coordinates()).containsExactly(Map.entry("size", "large"), Map.entry("lr", "slow"),
                Map.entry("seed", "4"));
        assertThat(run.configuration().label()).isEqualTo("σ 50 · slow");
        Config c = config(run);
        assertThat(c.getDouble("dip.tasks.denoise.sigma")).isEqualTo(50);
        assertThat(c.getDouble("dip.optimizer.learning-rate")).isEqualTo(0.001);
        assertThat(c.getLong("dip.run.seed")).isEqualTo(4);
        assertThat(c.getInt("dip.run.iterations")).as("the file's dip block wins over the base").isEqualTo(7);
        assertThat(c.getIntList("dip.architectures.skip.channels-down")).as("from the base").containsExactly(4, 4);
        assertThat(plan.byConfiguration()).hasSize(4);
        assertThat(run.spec().workingDirectory()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    }

    @Test
    void variantsWinOverTheFileAndSetWinsOverAll() throws IOException {
        ExperimentPlan plan = plan("""
                experiment {
                  base = "base.conf"
                  axes { it = [ { name = a, dip.run.iterations = 5 }, { name = b } ] }
                }
                dip.run.iterations = 9
                dip.run.log-every = 3
                """, "dip.run.log-every=4");
        assertThat(config(plan.runs().get(0)).getInt("dip.run.iterations")).isEqualTo(5);
        assertThat(config(plan.runs().get(1)).getInt("dip.run.iterations")).isEqualTo(9);
        assertThat(config(plan.runs().get(1)).getInt("dip.run.log-every")).isEqualTo(4);
        assertThat(plan.runs()).extracting(PlannedRun::id).containsExactly("a.seed0", "b.seed0");
        ExperimentPlan two = plan("experiment { base = \"base.conf\" }", "experiment.seeds=[5, 6]", "experiment.table.every=4");
        assertThat(two.runs()).extracting(PlannedRun::id).containsExactly("seed5", "seed6");
        assertThat(two.table().every()).isEqualTo(4);
    }

    @Test
    void rejectsAnUnknownExperimentKeyWithTheClosestOne() {
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", sedes = [1] }"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("experiment.sedes").hasMessageContaining("exp.conf").hasMessageContaining("'seeds'");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", table { rows = iterations, evry = 2 } }"))
                .hasMessageContaining("experiment.table.evry").hasMessageContaining("'every'");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", axes { m = [ { name = a, lable = x } ] } }"))
                .hasMessageContaining("lable").hasMessageContaining("'label'");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\" }\nexperimnt {}"))
                .hasMessageContaining("experimnt").hasMessageContaining("'experiment'");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", table.rows = columns }"))
                .hasMessageContaining("iterations, methods or runs");
    }

    @Test
    void rejectsATableOrPlotMetricThatNoRunLogsListingTheKnownOnes() throws IOException {
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", table { rows = iterations, metrics = [psnr_gt, psnr_gtt] } }"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("experiment.table.metrics")
                .hasMessageContaining("'psnr_gtt'").hasMessageContaining("exp.conf").hasMessageContaining("known: psnr_noisy, psnr_gt");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", plots.metrics = [ssim] }"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("experiment.plots.metrics")
                .hasMessageContaining("'ssim'");
        assertThat(plan("experiment { base = \"base.conf\", table { rows = runs, metrics = [psnr_gt, seconds] } }")
                .runs()).hasSize(1);
    }

    @Test
    void rejectsABadRunSettingBeforeRunningNamingTheRun() {
        assertThatThrownBy(() -> plan("""
                experiment { base = "base.conf", axes { m = [ a, { name = b, dip.run.iteratons = 3 } ] } }
                """)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("run b.seed0").hasMessageContaining("dip.run.iteratons")
                .hasMessageContaining("dip.run.iterations");
        assertThatThrownBy(() -> plan("""
                experiment { base = "base.conf", axes { m = [ { name = b, dip.tasks.denoise.image = "nope.png" } ] } }
                """)).hasMessageContaining("nope.png").hasMessageContaining("not found");
        assertThatThrownBy(() -> plan("experiment { base = \"missing.conf\" }")).hasMessageContaining("missing.conf");
    }

    @Test
    void rejectsUnsafeOrRepeatedNamesAndAxesOnOneLine() {
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", axes { m = [ \"a/b\" ] } }"))
                .hasMessageContaining("a/b");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", axes { m = [ a, a ] } }"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", axes { m = [ a ], n = [ b ] } }"))
                .hasMessageContaining("own line");
        assertThatThrownBy(() -> plan("experiment { base = \"base.conf\", seeds = [1, 1] }"))
                .hasMessageContaining("distinct");
    }

    @Test
    void aGridWithoutAxesHasOneConfigurationPerSeed() throws IOException {
        ExperimentPlan plan = plan("experiment { title = \"T <1>\", base = \"base.conf\", seeds = [0, 1, 2] }");
        assertThat(plan.runs()).extracting(PlannedRun::id).containsExactly("seed0", "seed1", "seed2");
        assertThat(plan.byConfiguration()).hasSize(1);
        assertThat(plan.title()).isEqualTo("T <1>");
        assertThat(plan.outputFolder()).isEqualTo(dir.toAbsolutePath().normalize().resolve("runs/experiments/exp"));
        assertThat(plan.specsMatching("seed[01]")).extracting(RunSpec::id).containsExactly("seed0", "seed1");
    }
}
