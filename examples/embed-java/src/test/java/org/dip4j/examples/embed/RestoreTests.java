package org.dip4j.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.RunBuilder;
import org.junit.jupiter.api.Test;

/** Both restorations on a 32×32 picture with a tiny network, in seconds. */
class RestoreTests {
    /** A 2-level, 8-channel network instead of the preset's 5 levels: a few seconds per run. */
    private static final UnaryOperator<RunBuilder> TINY = b -> b
            .set("dip.input.channels = 4")
            .set("dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }")
            .set("dip.tasks.inpaint.crop-multiple", 32)
            .set("dip.run.log-every", 10)
            .iterations(40)
            .seed(7);

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, (8 * x) << 16 | (8 * y) << 8 | 128);
            }
        }
        return img;
    }

    @Test
    void denoisingFitsTheNoisyImageMoreClosely() {
        List<Map<String, Double>> logged = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        DipResult r = Restore.denoise(picture(), p -> {
            seen.add(p.iteration());
            if (p.logged()) {
                logged.add(p.metrics());
            }
        }, TINY);
        assertEquals(40, r.iterations());
        assertEquals(40, seen.size());
        assertEquals(39, seen.get(39));
        assertEquals(32, r.outputImage().getWidth());
        double first = logged.get(0).get("psnr_noisy");
        double last = r.metric("psnr_noisy");
        assertTrue(last > first + 1, "psnr_noisy " + first + " -> " + last);
    }

    @Test
    void inpaintingFitsTheImageMoreClosely() {
        BufferedImage mask = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                mask.getRaster().setSample(x, y, 0, x >= 12 && x < 20 ? 0 : 255);
            }
        }
        List<Double> known = new ArrayList<>();
        DipResult r = Restore.inpaint(picture(), mask, p -> {
            if (p.logged()) {
                known.add(p.metrics().get("psnr"));
            }
        }, TINY);
        assertFalse(r.cancelled());
        assertEquals(32, r.outputImage().getHeight());
        assertTrue(known.get(known.size() - 1) > known.get(0) + 1, "psnr " + known);
    }
}
