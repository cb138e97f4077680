package org.dip4j.tasks.sr;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.Problem;
import org.dip4j.spi.RunOutcome;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.dip4j.tasks.Crops;

/**
 * Super-resolution ×4 or ×8, as in the reference's {@code super-resolution.ipynb}.
 *
 * <p>From a high-resolution {@code image}: crop it (centred) to multiples of
 * {@code crop-multiple}, downscale it with Pillow's Lanczos to make the low-resolution
 * observation, and keep the crop as ground truth. From a real low-resolution {@code lr}: the
 * output is {@code factor} times its size and there is no ground truth. Either way the network
 * output is mapped to the observation by the {@link Lanczos2Downsampler}, and the run folder
 * keeps the LR image and the interpolation baselines ({@code bicubic.png} and friends). The report
 * adds a comparison figure and a table of the baselines' PSNR/SSIM ({@link SrReport}).
 */
public final class SuperResolutionTask implements Task {
    static final String KEY = "dip.tasks.sr";

    @Override
    public String id() {
        return "sr";
    }

    @Override
    public String description() {
        return "super-resolution x4/x8: fit the Lanczos2-downsampled output to the low-resolution image";
    }

    @Override
    public Problem prepare(TaskContext context) {
        Config s = context.settings();
        String image = string(s, "image");
        String lr = string(s, "lr");
        int factor = integer(s, "factor");
        int cropMultiple = integer(s, "crop-multiple");
        if (factor != 4 && factor != 8) {
            throw new InvalidInputException(KEY + ".factor must be 4 or 8, got " + factor
                    + " (the Lanczos2 downsampler of the reference; set factor = 4 or factor = 8)");
        }
        if (cropMultiple <= 0 || cropMultiple % factor != 0) {
            throw new InvalidInputException(KEY + ".crop-multiple must be a positive multiple of the factor "
                    + factor + ", got " + cropMultiple + " (the default 32 suits the skip network)");
        }
        if (image.isEmpty() == lr.isEmpty()) {
            throw new InvalidInputException("set exactly one of " + KEY + ".image (a high-resolution image to"
                    + " degrade and compare with) or " + KEY + ".lr (a real low-resolution image to enlarge); "
                    + (image.isEmpty() ? "neither is set" : "both are set"));
        }
        return image.isEmpty()
                ? fromLowResolution(read(context, "lr", lr), factor, cropMultiple)
                : fromHighResolution(read(context, "image", image), factor, cropMultiple, integer(s, "crop-size"));
    }

    /** {@code comparison.png} and {@code baselines.csv/md}: see {@link SrReport}. */
    @Override
    public void writeReport(RunOutcome outcome) {
        SrReport.write(outcome);
    }

    private static Problem fromHighResolution(Image original, int factor, int cropMultiple, int cropSize) {
        if (original.height() < cropMultiple || original.width() < cropMultiple) {
            throw new InvalidInputException("%s.image is %d×%d pixels, smaller than crop-multiple %d; use a larger image"
                    .formatted(KEY, original.width(), original.height(), cropMultiple));
        }
        Crops.check(KEY + ".", cropSize, cropMultiple);
        Image hr = Crops.centre(KEY + ".", KEY + ".image", Crops.toMultiple(KEY + ".", KEY + ".image", original,
                cropMultiple), cropSize);
        Image lr = PillowResize.resize(hr, hr.width() / factor, hr.height() / factor, ResampleFilter.LANCZOS);
        return withBaselines(Problem.builder(lr).groundTruth(hr), lr, factor).build();
    }

    private static Problem fromLowResolution(Image original, int factor, int cropMultiple) {
        // The output (LR × factor) must be a multiple of crop-multiple, so crop the LR to multiples of the quotient.
        int lrMultiple = cropMultiple / factor;
        if (original.height() < lrMultiple || original.width() < lrMultiple) {
            throw new InvalidInputException("%s.lr is %d×%d pixels, smaller than crop-multiple / factor = %d; use a larger image"
                    .formatted(KEY, original.width(), original.height(), lrMultiple));
        }
        Image lr = original.cropToMultipleOf(lrMultiple);
        return withBaselines(Problem.builder(lr), lr, factor).build();
    }

    private static Problem.Builder withBaselines(Problem.Builder problem, Image lr, int factor) {
        problem.outputSize(lr.channels(), lr.height() * factor, lr.width() * factor)
                .forwardModel(new Lanczos2Downsampler(factor, lr.channels()))
                .saveInput("lr.png", lr);
        for (ResampleFilter f : ResampleFilter.values()) {
            problem.saveInput(f.id() + ".png", SrBaselines.upsample(lr, factor, f.id()));
        }
        return problem;
    }

    private static Image read(TaskContext context, String key, String path) {
        try {
            return context.readRgb(path);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(KEY + "." + key + ": " + e.getMessage(), e);
        }
    }

    private static String string(Config s, String key) {
        try {
            return s.getString(key).trim();
        } catch (ConfigException e) {
            throw new InvalidInputException(KEY + "." + key + " must be a file path: " + e.getMessage(), e);
        }
    }

    private static int integer(Config s, String key) {
        try {
            return s.getInt(key);
        } catch (ConfigException e) {
            throw new InvalidInputException(KEY + "." + key + " must be an integer: " + e.getMessage(), e);
        }
    }
}
