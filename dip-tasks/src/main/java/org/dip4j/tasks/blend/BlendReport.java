package org.dip4j.tasks.blend;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.ResultTable.Column;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.MetricEvaluator;
import org.dip4j.spi.MetricInputs;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.dip4j.tasks.report.SideBySide;
import org.dip4j.tasks.report.SideBySide.Panel;

/**
 * The blending run's report, in the layout of Figures 2–3 and Tables 5–6 of the source report: every
 * classical baseline's result ({@code <method>.png}) on the same (downscaled, cropped) inputs
 * as the run, {@code comparison.png} (alpha, Poisson, Laplacian, then DIP: the report's
 * {@code direct} formulation when the run used another and names a direct run in {@code compare-with},
 * and the
 * run's own blend, left to right) and {@code table.csv} / {@code table.md}: GFF, GFP, BSI, SSIM_T,
 * PSNR_bg and run time per method. When the run's output is not the network's own
 * ({@link BlendOutput}), {@code result.png} is replaced by the blend and the network's output is
 * kept as {@code network.png}.
 *
 * <p>The metrics are the run's metric plugins ({@code gff}, {@code gfp}, {@code bsi},
 * {@code ssim_masked}, {@code psnr_bg}) with the run's settings ({@code dip.metrics.<id>}), each
 * method's blend as the fused image and the problem's soft map {@code alpha} for the transition
 * region: the DIP row has the numbers {@code summary.json} has for the final output. A
 * baseline's time is the wall time of its blend; DIP's is the optimisation time of the run.
 */
final class BlendReport {
    static final String FIGURE = "comparison.png";
    static final String CSV = "table.csv";
    static final String MARKDOWN = "table.md";
    /** The table row of the report's formulation. */
    static final String DIRECT_ROW = "dip-direct";
    /** The network's own output when it is not the blend itself. */
    static final String NETWORK = "network.png";
    /** The figure's methods and captions, in the order of the report's Figures 2–3. */
    static final Map<String, String> FIGURE_PANELS = figurePanels();

    /** One method's blend and how long it took. */
    record Result(Image image, double seconds) {}

    private BlendReport() {}

    static void write(RunOutcome outcome) {
        Problem problem = outcome.problem();
        Path folder = outcome.folder();
        BlendOutput parameterisation = problem.forwardModel() instanceof BlendOutput b ? b
                : BlendOutput.direct(aux(problem, AuxiliaryImages.BACKGROUND), aux(problem, AuxiliaryImages.ALPHA));
        BlendOutput.Kind kind = parameterisation.kind();
        Image blend = parameterisation.apply(outcome.output());
        if (kind != BlendOutput.Kind.DIRECT) {
            // The engine saved the network's own output as the result; the run's result is the blend.
            Images.writePng(outcome.output(), folder.resolve(NETWORK));
            Images.writePng(blend, folder.resolve("result.png"));
            Images.writePng(parameterisation.apply(outcome.smoothedOutput()), folder.resolve("result_smoothed.png"));
        }
        Map<String, Result> results = runBaselines(problem);
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Images.writePng(e.getValue().image(), file(folder, e.getKey()));
        }
        Path twin = DirectTwin.folder(folder);
        if (kind != BlendOutput.Kind.DIRECT && twin != null) {
            Result direct = DirectTwin.read(twin, blend);
            Images.writePng(direct.image(), file(folder, DIRECT_ROW));
            results.put(DIRECT_ROW, direct);
        }
        String own = rowOf(kind);
        results.put(own, new Result(blend, outcome.seconds()));

        List<Panel> panels = new ArrayList<>();
        FIGURE_PANELS.forEach((method, caption) -> panels.add(
                new Panel(caption, java.util.Objects.requireNonNull(results.get(method)).image())));
        Result direct = results.get(DIRECT_ROW);
        if (direct != null && !own.equals(DIRECT_ROW)) {
            panels.add(new Panel("DIP direct", direct.image()));
        }
        panels.add(new Panel(own.equals(DIRECT_ROW) ? "DIP" : "DIP " + kind.id(), blend));
        SideBySide.write(panels, folder.resolve(FIGURE));

        Image fg = aux(problem, AuxiliaryImages.FOREGROUND);
        table(results, outcome.metrics(), problem)
                .write(folder, CSV, MARKDOWN, "Blending %d×%d: classical baselines and multi-scale DIP (%d iterations)."
                        .formatted(fg.width(), fg.height(), outcome.iterations())
                        + " SSIM is SSIM_T against the background over the transition region; PSNR_bg is the"
                        + " PSNR against the background outside it and outside the mask. dip-<output> is the"
                        + " DIP run with that output parameterisation (direct: the report's formulation).");
    }

    /** Every baseline on the problem's fg, bg and mask, timed, in {@link BlendBaselines#methods()} order. */
    static Map<String, Result> runBaselines(Problem problem) {
        Image fg = aux(problem, AuxiliaryImages.FOREGROUND);
        Image bg = aux(problem, AuxiliaryImages.BACKGROUND);
        Image mask = aux(problem, AuxiliaryImages.MASK);
        Map<String, Result> results = new LinkedHashMap<>();
        for (String method : BlendBaselines.methods()) {
            long start = System.nanoTime();
            Image blended = BlendBaselines.blend(method, fg, bg, mask);
            results.put(method, new Result(blended, (System.nanoTime() - start) / 1e9));
        }
        return results;
    }

    /** The metric plugins of the table's columns, in order. */
    static final List<String> METRICS = List.of("gff", "gfp", "bsi", "ssim_masked", "psnr_bg");

    /** Each method's blend scored by {@code metrics} (the run's plugins and settings); NaN where one does not apply. */
    static ResultTable table(Map<String, Result> results, MetricEvaluator metrics, Problem problem) {
        ResultTable t = new ResultTable(List.of(new Column("gff", "GFF", 4), new Column("gfp", "GFP", 4),
                new Column("bsi", "BSI", 2), new Column("ssim_masked", "SSIM", 4),
                new Column("psnr_bg", "PSNR_bg (dB)", 2), new Column("seconds", "Time (s)", 2)));
        results.forEach((method, r) -> {
            // The blend is the prediction, as in the run, where the forward model turns the output into it.
            MetricInputs inputs = new MetricInputs(r.image(), r.image(), r.image(), problem.observation(),
                    problem.groundTruth(), problem.mask(), problem.auxiliary(), ConfigFactory.empty());
            double[] row = new double[METRICS.size() + 1];
            for (int i = 0; i < METRICS.size(); i++) {
                OptionalDouble v = metrics.evaluate(METRICS.get(i), inputs);
                row[i] = v.isPresent() ? v.getAsDouble() : Double.NaN;
            }
            row[METRICS.size()] = r.seconds();
            t.add(method, row);
        });
        return t;
    }

    private static Image aux(Problem problem, String name) {
        Image image = problem.auxiliary().get(name);
        if (image == null) {
            throw new IllegalStateException("the blending problem has no auxiliary image '" + name + "'");
        }
        return image;
    }

    private static Map<String, String> figurePanels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("alpha", "alpha");
        m.put("poisson", "Poisson");
        m.put("laplacian", "Laplacian");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The table row of a run with this parameterisation: {@code dip-<kind>}. */
    static String rowOf(BlendOutput.Kind kind) {
        return "dip-" + kind.id();
    }

    /** Where {@code method}'s blend is saved in the run folder. */
    static Path file(Path folder, String method) {
        return folder.resolve(method + ".png");
    }
}
