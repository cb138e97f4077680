package org.dip4j.tasks.blend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.metrics.blend.BlendMetricOptions;
import org.dip4j.metrics.blend.BlendMetrics;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.tasks.blend.baseline.BlendBaselines;
import org.dip4j.api.report.ResultTable;
import org.dip4j.api.report.ResultTable.Column;
import org.dip4j.tasks.report.SideBySide;
import org.dip4j.tasks.report.SideBySide.Panel;
import org.jspecify.annotations.Nullable;

/**
 * The blending report, in the layout of the seed report's Figures 2–3 and Tables 5–6: every
 * classical baseline's result ({@code <method>.png}) on the same (downscaled, cropped) inputs
 * as the run, {@code comparison.png} (alpha, Poisson, Laplacian, DIP, left to right) and
 * {@code table.csv} / {@code table.md}: GFF, GFP, BSI, SSIM_T and run time per method.
 *
 * <p>The metrics are those of {@link BlendMetrics} with the defaults of {@code dip.metrics.<id>}
 * and the problem's soft map {@code alpha} for the transition region, as the run's metric plugins
 * see them with default settings. A baseline's time is the wall time of its blend; DIP's is the
 * optimisation time of the run.
 */
final class BlendReport {
    static final String FIGURE = "comparison.png";
    static final String CSV = "table.csv";
    static final String MARKDOWN = "table.md";
    static final String DIP = "dip";
    /** The figure's methods and captions, in the order of the seed's Figures 2–3. */
    static final Map<String, String> FIGURE_PANELS = figurePanels();

    /** One method's blend and how long it took. */
    record Result(Image image, double seconds) {}

    private BlendReport() {}

    static void write(RunOutcome outcome) {
        Problem problem = outcome.problem();
        Map<String, Result> results = runBaselines(problem);
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Images.writePng(e.getValue().image(), file(outcome.folder(), e.getKey()));
        }
        results.put(DIP, new Result(outcome.output(), outcome.seconds()));

        List<Panel> panels = new ArrayList<>();
        FIGURE_PANELS.forEach((method, caption) -> panels.add(new Panel(caption, results.get(method).image())));
        SideBySide.write(panels, outcome.folder().resolve(FIGURE));

        Image fg = aux(problem, AuxiliaryImages.FOREGROUND);
        table(results, fg, aux(problem, AuxiliaryImages.BACKGROUND), aux(problem, AuxiliaryImages.MASK),
                problem.auxiliary().get(AuxiliaryImages.ALPHA))
                .write(outcome.folder(), CSV, MARKDOWN, "Blending %d×%d: classical baselines and multi-scale DIP (%d iterations)."
                        .formatted(fg.width(), fg.height(), outcome.iterations())
                        + " SSIM is SSIM_T against the background over the transition region.");
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

    static ResultTable table(Map<String, Result> results, Image fg, Image bg, Image mask, @Nullable Image alpha) {
        BlendMetricOptions gff = BlendMetricOptions.defaults("gff");
        BlendMetricOptions gfp = BlendMetricOptions.defaults("gfp");
        BlendMetricOptions bsi = BlendMetricOptions.defaults("bsi");
        BlendMetricOptions ssim = BlendMetricOptions.defaults("ssim_masked");
        ResultTable t = new ResultTable(List.of(new Column("gff", "GFF", 4), new Column("gfp", "GFP", 4),
                new Column("bsi", "BSI", 2), new Column("ssim_masked", "SSIM", 4),
                new Column("seconds", "Time (s)", 2)));
        results.forEach((method, r) -> t.add(method,
                BlendMetrics.gff(r.image(), fg, bg, mask, alpha, gff),
                BlendMetrics.gfp(r.image(), fg, bg, gfp),
                BlendMetrics.bsi(r.image(), mask, alpha, bsi),
                BlendMetrics.ssimMasked(r.image(), bg, mask, alpha, ssim),
                r.seconds()));
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
        m.put(DIP, "DIP");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Where {@code method}'s blend is saved in the run folder. */
    static Path file(Path folder, String method) {
        return folder.resolve(method + ".png");
    }
}
