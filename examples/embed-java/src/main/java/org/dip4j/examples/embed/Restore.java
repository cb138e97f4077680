package org.dip4j.examples.embed;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.api.run.RunBuilder;

/**
 * Restores images through dip4j's embedding API:
 * {@code Restore denoise NOISY.png OUT.png} or {@code Restore inpaint IMAGE.png MASK.png OUT.png}.
 */
public final class Restore {
    private Restore() {}

    /** Denoises an image that is already noisy, with the {@code fast} preset; {@code tune} adjusts the run. */
    public static DipResult denoise(BufferedImage noisy, ProgressListener progress, UnaryOperator<RunBuilder> tune) {
        return tune.apply(Dip.denoise(noisy).preset("fast").onProgress(progress)).run();
    }

    /** Fills the pixels where {@code mask} is black, with the {@code fast} preset. */
    public static DipResult inpaint(BufferedImage image, BufferedImage mask, ProgressListener progress,
            UnaryOperator<RunBuilder> tune) {
        return tune.apply(Dip.inpaint(image, mask).preset("fast").onProgress(progress)).run();
    }

    public static void main(String[] args) throws IOException {
        ProgressListener progress = p -> {
            if (p.logged()) {
                System.err.printf(Locale.ROOT, "%d/%d %s%n", p.done(), p.total(), p.metrics());
            }
        };
        DipResult result;
        Path out;
        if (args.length == 3 && args[0].equals("denoise")) {
            result = denoise(read(args[1]), progress, UnaryOperator.identity());
            out = Path.of(args[2]);
        } else if (args.length == 4 && args[0].equals("inpaint")) {
            result = inpaint(read(args[1]), read(args[2]), progress, UnaryOperator.identity());
            out = Path.of(args[3]);
        } else {
            System.err.println("usage: Restore denoise NOISY.png OUT.png | Restore inpaint IMAGE.png MASK.png OUT.png");
            return;
        }
        ImageIO.write(result.outputImage(), "png", out.toFile());
        System.err.printf(Locale.ROOT, "%d iterations in %.0f s: %s%n", result.iterations(), result.seconds(), out);
    }

    private static BufferedImage read(String file) throws IOException {
        BufferedImage image = ImageIO.read(Path.of(file).toFile());
        if (image == null) {
            throw new IOException("not an image: " + file);
        }
        return image;
    }
}
