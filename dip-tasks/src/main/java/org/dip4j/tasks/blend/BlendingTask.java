package org.dip4j.tasks.blend;

import com.typesafe.config.Config;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;

/**
 * Multi-scale DIP image blending (report 4.2): the network paints one image that keeps the
 * background outside the mask, the foreground's structure inside it, and a smooth transition
 * between, as the {@code blend-*} loss terms demand.
 *
 * <p>Settings ({@code dip.tasks.blend}): {@code foreground}, {@code background}, {@code mask}
 * (paths to images of one size; the mask is read with {@link Images#readMask}),
 * {@code downscale} (integer area reduction, for fast runs), {@code crop-multiple} (all three
 * images are cropped alike to multiples of it), {@code alpha-radius} and {@code alpha-passes}
 * (the soft map α of {@link SoftTransitionMap}), {@code output} and its keys (how the network's
 * output becomes the blend: {@link BlendOutput}), {@code compare-direct} (the launcher first trains the
 * report's {@code direct} formulation at the same settings) and {@code compare-with} (the folder of such a
 * run, which the report shows beside this run's blend).
 *
 * <p>The problem: the forward model is the {@link BlendOutput}, so the losses and metrics see the
 * blend; the observation is the background (the engine needs one; the blending terms
 * read the auxiliaries instead), no ground truth, auxiliaries {@code fg}, {@code bg},
 * {@code mask} (1×H×W, 0/1) and {@code alpha} (1×H×W). The run folder keeps the inputs
 * ({@code foreground.png}, {@code background.png}, {@code mask.png}, {@code alpha-map.png}: the
 * soft map; {@code alpha.png} is the alpha-blending baseline's result, written by the report).
 */
public final class BlendingTask implements Task {
    @Override
    public String id() {
        return "blend";
    }

    @Override
    public String description() {
        return "image blending with multi-scale DIP: foreground into background under a soft mask";
    }

    @Override
    public Problem prepare(TaskContext context) {
        Config s = context.settings();
        String fgSetting = requirePath(s, "foreground");
        String bgSetting = requirePath(s, "background");
        String maskSetting = requirePath(s, "mask");
        Path fgPath = context.resolve(fgSetting);
        Path bgPath = context.resolve(bgSetting);
        Path maskPath = context.resolve(maskSetting);
        Image fg = context.readRgb(fgSetting);
        Image bg = context.readRgb(bgSetting);
        Image mask = context.readMask(maskSetting);
        requireSameSize(fg, fgPath, bg, bgPath, mask, maskPath);

        int factor = s.getInt("downscale");
        if (factor < 1) {
            throw new InvalidInputException("dip.tasks.blend.downscale must be >= 1, got " + factor);
        }
        if (factor > 1) {
            fg = AreaDownscale.apply(fg.cropToMultipleOf(factor), factor);
            bg = AreaDownscale.apply(bg.cropToMultipleOf(factor), factor);
            // A pixel stays in the mask when at least half of its block was.
            mask = AreaDownscale.apply(mask.cropToMultipleOf(factor), factor).map(v -> v >= 0.5 ? 1.0 : 0.0);
        }
        int multiple = s.getInt("crop-multiple");
        if (fg.height() < multiple || fg.width() < multiple) {
            throw new InvalidInputException("the blending images are %d×%d after downscale %d, smaller than crop-multiple %d"
                    .formatted(fg.height(), fg.width(), factor, multiple));
        }
        fg = fg.cropToMultipleOf(multiple);
        bg = bg.cropToMultipleOf(multiple);
        mask = mask.cropToMultipleOf(multiple);
        requireBothRegions(mask, maskPath);

        Image alpha = SoftTransitionMap.of(mask, s.getInt("alpha-radius"), s.getInt("alpha-passes"));
        s.getBoolean("compare-direct"); // validated here; the launcher acts on it
        s.getString("compare-with"); // read by the report
        return Problem.builder(bg)
                .forwardModel(BlendOutput.from(s, fg, bg, mask, alpha))
                .groundTruth(null)
                .auxiliary(AuxiliaryImages.FOREGROUND, fg)
                .auxiliary(AuxiliaryImages.BACKGROUND, bg)
                .auxiliary(AuxiliaryImages.MASK, mask)
                .auxiliary(AuxiliaryImages.ALPHA, alpha)
                .saveInput("foreground.png", fg)
                .saveInput("background.png", bg)
                .saveInput("mask.png", mask)
                .saveInput("alpha-map.png", alpha)
                .build();
    }

    /** The baselines' results, a comparison figure and the metric table: see {@link BlendReport}. */
    @Override
    public void writeReport(RunOutcome outcome) {
        BlendReport.write(outcome);
    }

    private static String requirePath(Config s, String key) {
        String p = s.getString(key);
        if (p.isBlank()) {
            throw new InvalidInputException("dip.tasks.blend." + key + " is not set: give the path of the "
                    + key + " image (for example --set dip.tasks.blend." + key + "=data/blending/apple_orange/"
                    + (key.equals("foreground") ? "fg" : key.equals("background") ? "bg" : "mask") + ".png)");
        }
        return p;
    }

    private static void requireSameSize(Image fg, Path fgPath, Image bg, Path bgPath, Image mask, Path maskPath) {
        if (fg.height() != bg.height() || fg.width() != bg.width() || mask.height() != fg.height()
                || mask.width() != fg.width()) {
            throw new InvalidInputException(("blending needs images of one size, but foreground %s is %d×%d,"
                    + " background %s is %d×%d and mask %s is %d×%d (W×H); align them first").formatted(
                    fgPath, fg.width(), fg.height(), bgPath, bg.width(), bg.height(), maskPath, mask.width(),
                    mask.height()));
        }
    }

    private static void requireBothRegions(Image mask, Path maskPath) {
        double inside = 0;
        for (double v : mask.toArray()) {
            inside += v;
        }
        if (inside == 0 || inside == mask.size()) {
            throw new InvalidInputException("mask " + maskPath + " selects " + (inside == 0 ? "no" : "every")
                    + " pixel (after cropping): it must mark the foreground region (values > 127) and leave"
                    + " background outside it");
        }
    }
}
