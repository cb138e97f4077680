package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The per-iteration input z + σ·n: reproducible per (seed, iteration), and n standard normal. */
class NetworkInputTests {
    // 3 × 150 × 160 = 72,000 values: more than two of the chunks drawn in parallel, the last one partial.
    private static final int H = 150;
    private static final int W = 160;

    private static NetworkInput input(long seed) {
        Config c = RestorationTests.tinyRun("dip.input.channels = 3, dip.input.reg-noise-std = 0.5, dip.run.seed = " + seed);
        return NetworkInput.create(RunSettings.from(c), H, W);
    }

    @Test
    void anIterationsInputIsTheSameEveryTimeItIsDrawnAndDiffersBetweenIterationsAndSeeds() {
        NetworkInput a = input(7);
        INDArray first = a.perturbed(12).dup();
        a.perturbed(13);
        assertThat(a.perturbed(12)).isEqualTo(first);
        assertThat(input(7).perturbed(12)).as("a second run (a resumed one) draws the same").isEqualTo(first);
        assertThat(a.perturbed(13)).isNotEqualTo(first);
        assertThat(input(8).perturbed(12)).isNotEqualTo(first);
    }

    @Test
    void theNoiseIsStandardNormalTimesSigmaInEveryChunk() {
        NetworkInput a = input(3);
        double[] noise = a.perturbed(5).sub(a.clean()).data().asDouble();
        // First and last 20,000 values: the first and the last chunks each look normal on their own.
        for (int from : new int[] {0, noise.length - 20_000}) {
            double sum = 0;
            double squares = 0;
            double fourth = 0;
            for (int i = from; i < from + 20_000; i++) {
                double n = noise[i] / 0.5;
                sum += n;
                squares += n * n;
                fourth += n * n * n * n;
            }
            double mean = sum / 20_000;
            double variance = squares / 20_000 - mean * mean;
            // 5 standard errors of a normal sample of 20,000: mean ±5·√(1/n) = ±0.035, variance
            // ±5·√(2/n) = ±0.05, fourth moment (3 for a normal, variance 96) ±5·√(96/n) = ±0.35.
            assertThat(mean).isCloseTo(0, within(0.035));
            assertThat(variance).isCloseTo(1, within(0.05));
            assertThat(fourth / 20_000).isCloseTo(3, within(0.35));
        }
        // Chunks come from different streams: the noise of two chunks is not the same sequence.
        assertThat(noise[0]).isNotEqualTo(noise[1 << 15]);
    }
}
