package org.dip4j.experiment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A 32×32 test image and tiny experiment files (2-level, 4-channel network, a few iterations). */
final class TinyExperiment {
    private TinyExperiment() {}

    /** Writes a smooth 32×32 RGB image to {@code dir/img.png}. */
    static Path image(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, (x * 7) << 16 | (y * 7) << 8 | ((x + y) * 3));
            }
        }
        Path file = dir.resolve("img.png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** Run settings for a tiny denoising run of {@code dir/img.png}. */
    static String runSettings(int iterations) {
        return """
                dip {
                  run { task = denoise, iterations = %d, log-every = 2, checkpoint-every = 0 }
                  input { kind = noise, channels = 4 }
                  network.architecture = skip
                  architectures.skip { channels-down = [4, 4], channels-up = [4, 4], channels-skip = [2, 2] }
                  tasks.denoise { image = "img.png", crop-multiple = 4 }
                }
                """.formatted(iterations);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
