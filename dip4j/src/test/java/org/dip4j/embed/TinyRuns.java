package org.dip4j.embed;

import java.awt.image.BufferedImage;
import org.dip4j.api.Image;
import org.dip4j.api.run.RunBuilder;

/** Tiny images and a tiny network, so that each run takes a second or two. */
final class TinyRuns {
    private TinyRuns() {}

    /** A 2-level skip network with 8 channels on a 4-channel input. */
    static RunBuilder tiny(RunBuilder b) {
        return b.preset("fast")
                .set("dip.input.channels = 4")
                .set("dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }")
                .set("dip.run.log-every", 5);
    }

    /** Tiny inpainting of {@code image} (crops to multiples of 32, as the 2-level network needs). */
    static RunBuilder inpaint(Image image, Image mask) {
        return tiny(org.dip4j.api.run.Dip.inpaint(image, mask)).set("dip.tasks.inpaint.crop-multiple", 32);
    }

    /** A 32×32 RGB picture with smooth gradients and a square: something a network can fit. */
    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                boolean square = x >= 10 && x < 22 && y >= 8 && y < 20;
                int r = square ? 220 : 8 * x;
                int g = square ? 40 : 8 * y;
                int b = (4 * x + 4 * y) % 256;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** A mask hiding a vertical band (0) and keeping the rest (1). */
    static Image band() {
        return Image.generate(1, 32, 32, (c, y, x) -> x >= 14 && x < 18 ? 0.0 : 1.0);
    }
}
