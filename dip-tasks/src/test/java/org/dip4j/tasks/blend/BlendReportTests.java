package org.dip4j.tasks.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dip4j.api.Image;
import org.dip4j.api.Configs;
import org.dip4j.api.Images;
import org.dip4j.api.PluginRegistry;
import org.dip4j.metrics.blend.BlendMetricOptions;
import org.dip4j.metrics.blend.BlendMetrics;
import org.dip4j.samediff.engine.MetricSuite;
import org.dip4j.spi.MetricEvaluator;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.spi.TaskContext;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.dip4j.tasks.report.CsvRows;
import org.dip4j.tasks.report.SideBySide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlendReportTests {
    private static final String[] METHODS = {"alpha", "feather", "laplacian", "poisson", "poisson-mixed", "dip-direct"};

    @TempDir
    Path dir;

    /** 64×64 (after downscale 2 of 128×128): textured fg and bg, a disc mask in the middle. */
    private Problem prepare() {
        return prepare("direct");
    }

    private Problem prepare(String output) {
        int n = 128;
        Images.writePng(Image.generate(3, n, n, (c, y, x) -> 0.2 + 0.15 * c + 0.2 * ((x / 6 + y / 6) % 2)),
                dir.resolve("fg.png"));
        Images.writePng(Image.generate(3, n, n, (c, y, x) -> 0.8 - 0.2 * c + 0.1 * Math.sin(x * 0.3)),
                dir.resolve("bg.png"));
        Images.writePng(Image.generate(1, n, n, (c, y, x) -> Math.hypot(x - 64, y - 64) < 35 ? 1.0 : 0.0),
                dir.resolve("mask.png"));
        var settings = ConfigFactory.defaultReference().getConfig("dip.tasks.blend")
                .withValue("foreground", ConfigValueFactory.fromAnyRef("fg.png"))
                .withValue("background", ConfigValueFactory.fromAnyRef("bg.png"))
                .withValue("mask", ConfigValueFactory.fromAnyRef("mask.png"))
                .withValue("downscale", ConfigValueFactory.fromAnyRef(2))
                .withValue("alpha-radius", ConfigValueFactory.fromAnyRef(2))
                .withValue("alpha-passes", ConfigValueFactory.fromAnyRef(2))
                .withValue("output", ConfigValueFactory.fromAnyRef(output));
        return new BlendingTask().prepare(new TaskContext(settings, 0, dir));
    }

    @Test
    void writesEveryBaselineTheFourPanelFigureAndTheMetricTable() throws IOException {
        Problem p = prepare();
        Image fg = p.auxiliary().get("fg");
        Image bg = p.auxiliary().get("bg");
        Image mask = p.auxiliary().get("mask");
        Image alpha = p.auxiliary().get("alpha");
        assertThat(fg.shape()).isEqualTo("3×64×64");
        // A stand-in for DIP's output: the feathered blend, slightly darkened.
        Image dip = BlendBaselines.blend("feather", fg, bg, mask).map(v -> 0.9 * v);
        new BlendingTask().writeReport(new RunOutcome(p, dip, dip, 300, 12.5, dir));

        for (String m : BlendBaselines.methods()) {
            Image expected = Images.quantised(BlendBaselines.blend(m, fg, bg, mask));
            assertThat(Images.readRgb(dir.resolve(m + ".png"))).as(m).isEqualTo(expected);
        }

        BufferedImage figure = ImageIO.read(dir.resolve("comparison.png").toFile());
        assertThat(figure.getWidth()).isEqualTo(4 * 64 + 3 * SideBySide.GAP);
        assertThat(figure.getHeight()).isEqualTo(64 + SideBySide.CAPTION_HEIGHT);
        // Left to right: alpha, Poisson, Laplacian, DIP; sample the middle of each panel.
        String[] order = {"alpha", "poisson", "laplacian"};
        for (int i = 0; i < 3; i++) {
            Image b = BlendBaselines.blend(order[i], fg, bg, mask);
            assertThat(figure.getRGB(i * (64 + SideBySide.GAP) + 40, 30) & 0xff).as(order[i])
                    .isEqualTo(Images.quantise(b.get(2, 30, 40)));
        }
        assertThat(figure.getRGB(3 * (64 + SideBySide.GAP) + 40, 30) & 0xff).isEqualTo(Images.quantise(dip.get(2, 30, 40)));

        Path csv = dir.resolve("table.csv");
        assertThat(CsvRows.columns(csv)).containsExactly("gff", "gfp", "bsi", "ssim_masked", "psnr_bg", "seconds");
        Map<String, Map<String, Double>> rows = CsvRows.read(csv);
        assertThat(rows.keySet()).containsExactly(METHODS);
        for (String m : METHODS) {
            Image out = m.equals("dip-direct") ? dip : BlendBaselines.blend(m, fg, bg, mask);
            Map<String, Double> row = rows.get(m);
            assertThat(row.get("gff")).as(m).isCloseTo(
                    BlendMetrics.gff(out, fg, bg, mask, alpha, BlendMetricOptions.defaults("gff")), within(1e-6));
            assertThat(row.get("gfp")).as(m).isCloseTo(BlendMetrics.gfp(out, fg, bg), within(1e-6));
            assertThat(row.get("bsi")).as(m).isCloseTo(
                    BlendMetrics.bsi(out, mask, alpha, BlendMetricOptions.defaults("bsi")), within(1e-6));
            assertThat(row.get("ssim_masked")).as(m).isCloseTo(BlendMetrics.ssimMasked(out, bg, mask, alpha,
                    BlendMetricOptions.defaults("ssim_masked")), within(1e-6));
            assertThat(row.get("psnr_bg")).as(m).isCloseTo(BlendMetrics.psnrBackground(out, bg, mask, alpha,
                    BlendMetricOptions.defaults("psnr_bg")), within(1e-6));
            assertThat(row.get("seconds")).as(m).isPositive();
        }
        assertThat(rows.get("dip-direct").get("seconds")).isEqualTo(12.5);
        // The hard composite copies the background outside the mask: its SSIM_T differs from the feathered one.
        assertThat(rows.get("alpha").get("ssim_masked")).isNotEqualTo(rows.get("feather").get("ssim_masked"));
        String md = Files.readString(dir.resolve("table.md"));
        assertThat(md).contains("| Method | GFF | GFP | BSI | SSIM | PSNR_bg (dB) | Time (s) |");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Method"))).hasSize(6);
    }

    @Test
    void aResidualRunKeepsTheBlendAsResultAndShowsTheDirectTwinBesideIt() throws IOException {
        Problem p = prepare("residual");
        Image fg = p.auxiliary().get("fg");
        Image bg = p.auxiliary().get("bg");
        Image mask = p.auxiliary().get("mask");
        // The twin: a finished direct run's folder, as ./dip blend leaves it.
        Path twin = Files.createDirectories(dir.resolve("run-direct"));
        Image direct = BlendBaselines.blend("alpha", fg, bg, mask);
        Images.writePng(direct, twin.resolve("result.png"));
        Files.writeString(twin.resolve("summary.json"), "{\"seconds\": 42.5}\n");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("run.conf"), "dip.tasks.blend.compare-with = \"" + twin.toString()
                .replace("\\", "/") + "\"\n");
        // A network output of ½ everywhere: zero residual, so the blend is the Laplacian base.
        Image half = Image.generate(3, 64, 64, (c, y, x) -> 0.5);
        new BlendingTask().writeReport(new RunOutcome(p, half, half, 300, 12.5, run));

        Image laplacian = BlendBaselines.blend("laplacian", fg, bg, mask).clip01();
        assertThat(Images.readRgb(run.resolve("result.png"))).isEqualTo(Images.quantised(laplacian));
        assertThat(Images.readRgb(run.resolve("network.png"))).isEqualTo(Images.quantised(half));
        Map<String, Map<String, Double>> rows = CsvRows.read(run.resolve("table.csv"));
        assertThat(rows.keySet()).containsExactly("alpha", "feather", "laplacian", "poisson", "poisson-mixed",
                "dip-direct", "dip-residual");
        assertThat(rows.get("dip-direct").get("seconds")).isEqualTo(42.5);
        assertThat(rows.get("dip-residual").get("seconds")).isEqualTo(12.5);
        assertThat(rows.get("dip-residual").get("gff")).isCloseTo(rows.get("laplacian").get("gff"), within(1e-2));
        assertThat(rows.get("dip-direct").get("gff")).isCloseTo(rows.get("alpha").get("gff"), within(1e-2));
        BufferedImage figure = ImageIO.read(run.resolve("comparison.png").toFile());
        assertThat(figure.getWidth()).isEqualTo(5 * 64 + 4 * SideBySide.GAP);
    }

    @Test
    void theTableUsesTheRunsMetricSettingsAsMetricsCsvDoes() throws IOException {
        Problem p = prepare();
        // A stand-in for DIP's output whose error grows from left to right, so that every setting matters.
        Image feather = BlendBaselines.blend("feather", p.auxiliary().get("fg"), p.auxiliary().get("bg"),
                p.auxiliary().get("mask"));
        Image dip = Image.generate(3, 64, 64, (c, y, x) -> feather.get(c, y, x) * (0.7 + 0.3 * x / 63.0));
        PluginRegistry registry = PluginRegistry.load();
        Config run = Configs.resolve(ConfigFactory.parseString("""
                dip.metrics.gff.gradient = central
                dip.metrics.gfp.epsilon = 0.1
                dip.metrics.bsi.smoothing-sigma = 1.0
                dip.metrics.ssim_masked.variant = default
                dip.metrics.psnr_bg.transition.low = 0.3
                """), getClass().getClassLoader(), registry);
        new BlendingTask().writeReport(new RunOutcome(p, dip, dip, 300, 12.5, dir, MetricEvaluator.of(registry, run)));
        Map<String, Double> row = CsvRows.read(dir.resolve("table.csv")).get("dip-direct");

        // metrics.csv and summary.json score the output with the run's MetricSuite; the prediction
        // is the output itself for the report's direct formulation.
        List<String> ids = List.of("gff", "gfp", "bsi", "ssim_masked", "psnr_bg");
        Map<String, Double> logged = new MetricSuite(ids, p, run, registry).evaluate(dip, dip, dip);
        Map<String, Double> defaults = new MetricSuite(ids, p, Configs.resolve(ConfigFactory.empty(),
                getClass().getClassLoader(), registry), registry).evaluate(dip, dip, dip);
        for (String id : ids) {
            assertThat(row.get(id)).as(id).isCloseTo(logged.get(id), within(1e-6)) // table.csv keeps 6 decimals
                    .isNotCloseTo(defaults.get(id), within(1e-4));
        }
    }
}
