package org.dip4j.tasks.sr;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.ResultTable.Column;
import org.dip4j.spi.MetricEvaluator;
import org.dip4j.spi.MetricInputs;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.tasks.report.SideBySide;
import org.dip4j.tasks.report.SideBySide.Panel;
import org.jspecify.annotations.Nullable;

/**
 * The super-resolution report: {@code comparison.png} (ground truth, bicubic, DIP, as the seed
 * report's Figures 7–8; bicubic and DIP without ground truth) and {@code baselines.csv} /
 * {@code baselines.md}, one row per interpolation baseline and one for DIP.
 *
 * <p>Columns: the metric plugins {@code psnr_hr} (RGB PSNR against the ground truth), {@code psnr_y}
 * (luma PSNR with the border crop of {@code dip.metrics.psnr_y}), {@code ssim} (variant of
 * {@code dip.metrics.ssim}), each with the run's settings as in {@code metrics.csv}, and {@code psnr_lr}: the method's high-resolution output degraded on the host by the task's own
 * {@link Lanczos2Downsampler} (double precision, the same kernel and replication padding as in the
 * graph) and compared with the low-resolution image. DIP's row uses the final output, so its
 * {@code psnr_lr} can differ from the logged one (the graph's float prediction) in the last digits.
 * Without ground truth only {@code psnr_lr} is reported.
 */
final class SrReport {
    static final String FIGURE = "comparison.png";
    static final String CSV = "baselines.csv";
    static final String MARKDOWN = "baselines.md";
    static final String DIP = "dip";

    private SrReport() {}

    static void write(RunOutcome outcome) {
        Problem problem = outcome.problem();
        Image lr = problem.observation();
        int factor = problem.outputWidth() / lr.width();
        Image gt = problem.groundTruth();
        Map<String, Image> methods = outputs(lr, factor, outcome.output());
        Scores scores = new Scores(outcome.metrics(), problem, new Lanczos2Downsampler(factor, lr.channels()));

        List<Panel> panels = new ArrayList<>();
        if (gt != null) {
            panels.add(new Panel("ground truth", gt));
        }
        Image bicubic = java.util.Objects.requireNonNull(methods.get("bicubic"));
        panels.add(new Panel(caption("bicubic", gt, scores, bicubic), bicubic));
        panels.add(new Panel(caption("DIP", gt, scores, outcome.output()), outcome.output()));
        SideBySide.write(panels, outcome.folder().resolve(FIGURE));

        table(gt, methods, scores).write(outcome.folder(), CSV, MARKDOWN,
                "Super-resolution ×" + factor + ": interpolation baselines and DIP (" + outcome.iterations()
                        + " iterations). psnr_lr: the output downsampled by the Lanczos2 kernel vs the LR image.");
    }

    /** Each baseline's enlargement of {@code lr}, then DIP's output, in table order. */
    static Map<String, Image> outputs(Image lr, int factor, Image dip) {
        Map<String, Image> m = new LinkedHashMap<>();
        for (String method : SrBaselines.methods()) {
            m.put(method, SrBaselines.upsample(lr, factor, method));
        }
        m.put(DIP, dip);
        return m;
    }

    static ResultTable table(@Nullable Image gt, Map<String, Image> methods, Scores scores) {
        if (gt == null) {
            ResultTable t = new ResultTable(List.of(new Column("psnr_lr", "PSNR LR (dB)", 2)));
            methods.forEach((name, hr) -> t.add(name, scores.of("psnr_lr", hr)));
            return t;
        }
        ResultTable t = new ResultTable(List.of(new Column("psnr_hr", "PSNR HR (dB)", 2),
                new Column("psnr_y", "PSNR Y (dB)", 2), new Column("ssim", "SSIM", 4),
                new Column("psnr_lr", "PSNR LR (dB)", 2)));
        methods.forEach((name, hr) -> t.add(name, scores.of("psnr_hr", hr), scores.of("psnr_y", hr),
                scores.of("ssim", hr), scores.of("psnr_lr", hr)));
        return t;
    }

    /**
     * A method's high-resolution image scored by the run's metric plugins with the run's settings;
     * its prediction is the image degraded on the host by the task's downsampler.
     */
    record Scores(MetricEvaluator metrics, Problem problem, Lanczos2Downsampler down) {
        double of(String metric, Image hr) {
            MetricInputs inputs = new MetricInputs(hr, hr, down.downsample(hr), problem.observation(),
                    problem.groundTruth(), problem.mask(), problem.auxiliary(), ConfigFactory.empty());
            OptionalDouble v = metrics.evaluate(metric, inputs);
            return v.isPresent() ? v.getAsDouble() : Double.NaN;
        }
    }

    private static String caption(String name, @Nullable Image gt, Scores scores, Image image) {
        return gt == null ? name : String.format(Locale.ROOT, "%s (%.2f dB)", name, scores.of("psnr_hr", image));
    }
}
