package org.dip4j.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images of a run folder worth showing side by side, left to right: the input the network
 * saw, the classical baselines the task wrote, DIP's result, the ground truth. Files a task did
 * not write are skipped.
 */
public final class RunImages {
    /** An image file of a run folder and its caption. */
    public record Picture(Path file, String caption, boolean isResult) {}

    /** Candidate files in display order, with captions. */
    private static final String[][] INPUTS = {{"noisy.png", "noisy input"}, {"lr.png", "low-resolution input"},
            {"masked.png", "masked input"}, {"foreground.png", "foreground"}, {"background.png", "background"}};
    private static final String[][] BASELINES = {{"nearest.png", "nearest"}, {"bicubic.png", "bicubic"},
            {"alpha.png", "alpha"}, {"poisson.png", "Poisson"}, {"laplacian.png", "Laplacian"}};

    private RunImages() {}

    /** The pictures of {@code folder}; {@code smoothed} adds DIP's moving average (denoising's psnr_gt_sm). */
    public static List<Picture> of(Path folder, boolean smoothed) {
        List<Picture> pictures = new ArrayList<>();
        add(pictures, folder, INPUTS, false);
        add(pictures, folder, BASELINES, false);
        add(pictures, folder, new String[][] {{"result.png", "DIP"}}, true);
        if (smoothed) {
            add(pictures, folder, new String[][] {{"result_smoothed.png", "DIP (moving average)"}}, true);
        }
        add(pictures, folder, new String[][] {{"ground_truth.png", "ground truth"}}, false);
        return pictures;
    }

    private static void add(List<Picture> pictures, Path folder, String[][] candidates, boolean result) {
        for (String[] c : candidates) {
            Path f = folder.resolve(c[0]);
            if (Files.isRegularFile(f)) {
                pictures.add(new Picture(f, c[1], result));
            }
        }
    }
}
