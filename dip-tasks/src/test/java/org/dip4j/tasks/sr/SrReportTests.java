package org.dip4j.tasks.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dip4j.api.Image;
import org.dip4j.api.Configs;
import org.dip4j.api.Images;
import org.dip4j.api.PluginRegistry;
import org.dip4j.metrics.Psnr;
import org.dip4j.metrics.Ssim;
import org.dip4j.spi.MetricEvaluator;
import org.dip4j.spi.MetricInputs;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.spi.TaskContext;
import org.dip4j.tasks.report.CsvRows;
import org.dip4j.tasks.report.SideBySide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrReportTests {
    private static final String[] METHODS = {"nearest", "bilinear", "bicubic", "lanczos", "dip"};

    @TempDir
    Path dir;

    /** A 64×64 textured test image: stripes and a gradient, so the methods differ. */
    private static Image texture() {
        return Image.generate(3, 64, 64, (c, y, x) -> 0.5 + 0.3 * Math.sin((x * 0.7 + y * 0.3) + c)
                + 0.15 * ((x / 4 + y / 4) % 2) - 0.1 * y / 64.0);
    }

    private Problem prepare(String key, Image image) {
        Images.writePng(image, dir.resolve("in.png"));
        return new SuperResolutionTask().prepare(new TaskContext(ConfigFactory.parseMap(Map.of(key, "in.png"))
                .withFallback(ConfigFactory.defaultReference().getConfig("dip.tasks.sr")), 0, dir));
    }

    /** A stand-in for DIP's output: the bicubic enlargement, slightly sharpened. */
    private static Image fakeDip(Problem p) {
        Image bicubic = SrBaselines.upsample(p.observation(), 4, "bicubic");
        return Image.generate(3, bicubic.height(), bicubic.width(), (c, y, x) -> Math.min(1, Math.max(0,
                bicubic.get(c, y, x) + 0.02 * Math.sin(x + y))));
    }

    @Test
    void withGroundTruthWritesThreePanelsAndEveryMetricOfEveryMethod() throws IOException {
        Problem p = prepare("image", Images.quantised(texture()));
        Image dip = fakeDip(p);
        new SuperResolutionTask().writeReport(new RunOutcome(p, dip, dip, 20, 3.5, dir));

        BufferedImage figure = ImageIO.read(dir.resolve("comparison.png").toFile());
        assertThat(figure.getWidth()).isEqualTo(3 * 64 + 2 * SideBySide.GAP);
        assertThat(figure.getHeight()).isEqualTo(64 + SideBySide.CAPTION_HEIGHT);
        // Left to right: ground truth, bicubic, DIP.
        Image gt = p.groundTruth();
        Image bicubic = SrBaselines.upsample(p.observation(), 4, "bicubic");
        assertThat(figure.getRGB(10, 20) & 0xff).isEqualTo(Images.quantise(gt.get(2, 20, 10)));
        assertThat(figure.getRGB(64 + SideBySide.GAP + 10, 20) & 0xff).isEqualTo(Images.quantise(bicubic.get(2, 20, 10)));
        assertThat(figure.getRGB(2 * (64 + SideBySide.GAP) + 10, 20) & 0xff).isEqualTo(Images.quantise(dip.get(2, 20, 10)));

        Path csv = dir.resolve("baselines.csv");
        assertThat(CsvRows.columns(csv)).containsExactly("psnr_hr", "psnr_y", "ssim", "psnr_lr");
        Map<String, Map<String, Double>> rows = CsvRows.read(csv);
        assertThat(rows.keySet()).containsExactly(METHODS);
        Lanczos2Downsampler down = new Lanczos2Downsampler(4);
        for (String m : METHODS) {
            Image out = m.equals("dip") ? dip : SrBaselines.upsample(p.observation(), 4, m);
            Map<String, Double> row = rows.get(m);
            assertThat(row.get("psnr_hr")).as(m).isCloseTo(Psnr.psnr(gt, out), within(1e-6));
            assertThat(row.get("psnr_y")).as(m).isCloseTo(Psnr.yChannel(gt, out, 4, 5), within(1e-6));
            assertThat(row.get("ssim")).as(m).isCloseTo(Ssim.compute(gt, out, Ssim.Variant.fromConfig("wang")), within(1e-6));
            assertThat(row.get("psnr_lr")).as(m).isCloseTo(Psnr.psnr(p.observation(), down.downsample(out)),
                    within(1e-6));
        }
        // The methods really differ, and sharper-than-nearest interpolation is closer to the truth.
        assertThat(rows.get("bicubic").get("psnr_hr")).isGreaterThan(rows.get("nearest").get("psnr_hr"));
        assertThat(Files.readString(dir.resolve("baselines.md"))).contains("| bicubic |", "| dip |", "PSNR Y");
    }

    @Test
    void theTableUsesTheRunsMetricSettingsAsMetricsCsvDoes() throws IOException {
        Problem p = prepare("image", Images.quantised(texture()));
        Image dip = fakeDip(p);
        PluginRegistry registry = PluginRegistry.load();
        Config run = Configs.resolve(ConfigFactory.parseString(
                "dip.metrics.ssim.variant = default\ndip.metrics.psnr_y { border-top-left = 0, border-bottom-right = 0 }"),
                getClass().getClassLoader(), registry);
        new SuperResolutionTask().writeReport(new RunOutcome(p, dip, dip, 20, 3.5, dir,
                MetricEvaluator.of(registry, run)));
        Map<String, Double> row = CsvRows.read(dir.resolve("baselines.csv")).get("dip");
        Image gt = p.groundTruth();
        assertThat(row.get("ssim")).isCloseTo(Ssim.compute(gt, dip, Ssim.Variant.fromConfig("default")), within(1e-6))
                .isNotCloseTo(Ssim.compute(gt, dip, Ssim.Variant.fromConfig("wang")), within(1e-4));
        assertThat(row.get("psnr_y")).isCloseTo(Psnr.yChannel(gt, dip, 0, 0), within(1e-6))
                .isNotCloseTo(Psnr.yChannel(gt, dip, 4, 5), within(1e-4));
        // The same numbers as the metric plugins give for metrics.csv with these settings.
        MetricInputs asLogged = new MetricInputs(dip, dip, dip, p.observation(), gt, null, Map.of(), ConfigFactory.empty());
        assertThat(row.get("ssim")).isCloseTo(MetricEvaluator.of(registry, run).evaluate("ssim", asLogged)
                .getAsDouble(), within(1e-6));
    }

    @Test
    void withoutGroundTruthWritesBicubicAndDipAndOnlyPsnrLr() throws IOException {
        Problem p = prepare("lr", Images.quantised(texture().crop(0, 0, 16, 16)));
        Image dip = fakeDip(p);
        new SuperResolutionTask().writeReport(new RunOutcome(p, dip, dip, 20, 3.5, dir));

        BufferedImage figure = ImageIO.read(dir.resolve("comparison.png").toFile());
        assertThat(figure.getWidth()).isEqualTo(2 * 64 + SideBySide.GAP);
        assertThat(figure.getHeight()).isEqualTo(64 + SideBySide.CAPTION_HEIGHT);
        Path csv = dir.resolve("baselines.csv");
        assertThat(CsvRows.columns(csv)).containsExactly("psnr_lr");
        Map<String, Map<String, Double>> rows = CsvRows.read(csv);
        assertThat(rows.keySet()).containsExactly(METHODS);
        assertThat(rows.get("dip").get("psnr_lr")).isCloseTo(
                Psnr.psnr(p.observation(), new Lanczos2Downsampler(4).downsample(dip)), within(1e-6));
    }
}
