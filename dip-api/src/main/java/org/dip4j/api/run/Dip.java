package org.dip4j.api.run;

import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.dip4j.api.Configs;
import org.dip4j.api.Image;

/**
 * The entry point for applications: each method starts a {@link RunBuilder}.
 *
 * <pre>{@code
 * DipResult r = Dip.task("inpaint").input("image", photo).input("mask", mask).preset("fast").run();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Dip {
    private Dip() {}

    /** A run of the task with this id ({@code denoise}, {@code sr}, {@code inpaint}, {@code blend}, or a plugin's). */
    public static RunBuilder task(String id) {
        return new RunBuilder(id, null);
    }

    /** The run a HOCON file describes (as {@code dip run FILE}); relative paths in it are resolved from the working directory. */
    public static RunBuilder config(Path file) {
        return new RunBuilder(null, Configs.parseFile(file));
    }

    /** The run a configuration describes (the user's settings; defaults are added when the run is built). */
    public static RunBuilder config(Config config) {
        return new RunBuilder(null, config);
    }

    /**
     * Continues the run in {@code runFolder} from its checkpoint, with its settings ({@code run.conf}),
     * writing into the same folder; the numbers are those of an uninterrupted run.
     */
    public static RunBuilder resume(Path runFolder) {
        Path checkpoint = runFolder.resolve("checkpoint.zip");
        if (!java.nio.file.Files.isRegularFile(checkpoint)) {
            throw new org.dip4j.api.InvalidInputException("no checkpoint at " + checkpoint
                    + " (a run writes one every dip.run.checkpoint-every iterations and when it stops)");
        }
        return new RunBuilder(null, Configs.parseFile(runFolder.resolve("run.conf"))).runFolder(runFolder)
                .resumeRunFolder();
    }

    /** Denoising of an image that is already noisy (no ground truth). */
    public static RunBuilder denoise(BufferedImage noisy) {
        return task("denoise").input("noisy", noisy);
    }

    /** Denoising of an image that is already noisy (no ground truth). */
    public static RunBuilder denoise(Image noisy) {
        return task("denoise").input("noisy", noisy);
    }

    /** Inpainting: fills the pixels where {@code mask} is black (white marks the known pixels). */
    public static RunBuilder inpaint(BufferedImage image, BufferedImage mask) {
        return task("inpaint").input("image", image).input("mask", mask);
    }

    /** Inpainting: fills the pixels where {@code mask} is 0 (1 marks the known pixels). */
    public static RunBuilder inpaint(Image image, Image mask) {
        return task("inpaint").input("image", image).input("mask", mask);
    }
}
