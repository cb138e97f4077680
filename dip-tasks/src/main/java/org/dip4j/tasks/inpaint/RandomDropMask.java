package org.dip4j.tasks.inpaint;

import java.util.SplittableRandom;
import org.dip4j.api.Image;

/** A mask that hides each pixel (all channels together) independently with a given probability. */
final class RandomDropMask {
    /** Mixed into the run's seed so this stream differs from others seeded by the same run. */
    private static final long STREAM = 0x6d61736b64726f70L; // "maskdrop"

    private RandomDropMask() {}

    /** 1×h×w of 0 (dropped, probability {@code fraction}) and 1 (known); the same seed gives the same mask. */
    static Image create(int height, int width, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ STREAM);
        double[] samples = new double[height * width];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextDouble() < fraction ? 0.0 : 1.0;
        }
        return Image.of(1, height, width, samples);
    }
}
