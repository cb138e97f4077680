package org.dip4j.samediff.engine;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's one seed, so that each part of a run
 * (weights, input, the perturbation at iteration i) can be reproduced on its own, which also
 * makes a resumed run draw exactly what an uninterrupted one draws.
 */
public final class Seeds {
    private Seeds() {}

    /** Stream for the network weights. */
    public static SplittableRandom weights(long seed) {
        return stream(seed, 1, 0);
    }

    /** Stream for the network input z. */
    public static SplittableRandom input(long seed) {
        return stream(seed, 2, 0);
    }

    /** Stream for the input perturbation of iteration {@code iteration}. */
    public static SplittableRandom perturbation(long seed, long iteration) {
        return stream(seed, 3, iteration);
    }

    private static SplittableRandom stream(long seed, long purpose, long index) {
        // SplitMix64 finaliser over the three parts: nearby seeds give unrelated streams.
        long h = mix(seed ^ mix(purpose * 0x9E3779B97F4A7C15L + index));
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
