package org.dip4j.tasks.denoise;

import com.typesafe.config.Config;
import java.util.SplittableRandom;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.dip4j.tasks.Crops;

/**
 * Denoising. Either a clean {@code image} gets synthetic Gaussian noise of std σ/255, clipped to
 * [0, 1] and not quantised (as the reference's {@code get_noisy_image}), and the clean image is
 * the ground truth; or a {@code noisy} image (a real noisy photo, a JPEG with artefacts) is the
 * observation and there is no ground truth (blind).
 */
public final class DenoisingTask implements Task {
    private static final String ROOT = "dip.tasks.denoise.";

    @Override
    public String id() {
        return "denoise";
    }

    @Override
    public String description() {
        return "denoising: synthetic Gaussian noise on a clean image, or a real noisy image (blind)";
    }

    @Override
    public Problem prepare(TaskContext context) {
        Config c = context.settings();
        String clean = c.getString("image");
        String noisy = c.getString("noisy");
        if (clean.isEmpty() == noisy.isEmpty()) {
            throw new InvalidInputException("set exactly one of " + ROOT + "image (a clean image to add noise to) and "
                    + ROOT + "noisy (an image that is already noisy)");
        }
        int multiple = c.getInt("crop-multiple");
        int cropSize = c.getInt("crop-size");
        Crops.check(ROOT, cropSize, multiple);
        if (!noisy.isEmpty()) {
            Image observation = crop(context.readRgb(noisy), noisy, multiple, cropSize);
            return Problem.builder(observation).saveInput("noisy.png", observation).build();
        }
        double sigma = c.getDouble("sigma");
        if (sigma < 0) {
            throw new InvalidInputException(ROOT + "sigma must not be negative, got " + sigma);
        }
        Image truth = crop(context.readRgb(clean), clean, multiple, cropSize);
        Image observation = addGaussianNoise(truth, sigma / 255.0, new SplittableRandom(context.seed()));
        return Problem.builder(observation).groundTruth(truth)
                .saveInput("noisy.png", observation)
                .saveInput("ground_truth.png", truth)
                .build();
    }

    /** {@code clip(x + N(0, std²), 0, 1)} sample by sample. */
    public static Image addGaussianNoise(Image image, double std, SplittableRandom random) {
        return image.map(v -> Math.min(1.0, Math.max(0.0, v + std * random.nextGaussian())));
    }

    private static Image crop(Image image, String file, int multiple, int cropSize) {
        return Crops.toMultiple(ROOT, file, Crops.centre(ROOT, file, image, cropSize), multiple);
    }
}
