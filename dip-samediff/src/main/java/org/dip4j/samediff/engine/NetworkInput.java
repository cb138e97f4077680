package org.dip4j.samediff.engine;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fixed network input z and its per-iteration perturbation z + σ·n, n ~ N(0, 1) fresh each
 * iteration (the reference's {@code reg_noise_std}). Random numbers are drawn in Java from
 * {@link Seeds} streams, so the same seed gives the same inputs on any ND4J backend. The noise of
 * an iteration is drawn in chunks of {@value #CHUNK} values, each from its own stream split off
 * the iteration's in order, so the chunks can be drawn on several cores with the same result.
 */
public final class NetworkInput {
    private static final int CHUNK = 1 << 15;

    private final INDArray z;
    private final float[] zValues;
    private final INDArray perturbed;
    private final double std;
    private final long seed;

    private NetworkInput(INDArray z, double std, long seed) {
        this.z = z;
        this.zValues = z.data().asFloat();
        this.perturbed = z.dup();
        this.std = std;
        this.seed = seed;
    }

    /** Builds z for a network input of {@code channels × height × width}. */
    public static NetworkInput create(RunSettings s, int height, int width) {
        int c = s.inputChannels();
        float[] values = new float[c * height * width];
        if (s.inputKind() == RunSettings.InputKind.MESHGRID) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    values[y * width + x] = width == 1 ? 0f : (float) x / (width - 1);
                    values[height * width + y * width + x] = height == 1 ? 0f : (float) y / (height - 1);
                }
            }
        } else {
            SplittableRandom random = Seeds.input(s.seed());
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextDouble() * s.inputScale());
            }
        }
        INDArray z = Nd4j.createFromArray(values).reshape('c', 1, c, height, width);
        return new NetworkInput(z, s.regNoiseStd(), s.seed());
    }

    /** The unperturbed input. */
    public INDArray clean() {
        return z;
    }

    /**
     * The input of iteration {@code iteration}: z plus fresh noise, written into one reused
     * buffer (the same array is fed every iteration).
     */
    public INDArray perturbed(long iteration) {
        if (std == 0) {
            return z;
        }
        perturbInto(perturbed, iteration);
        return perturbed;
    }

    /**
     * Writes the input of iteration {@code iteration} into {@code target}, a whole array of z's
     * shape (the plan executor's bound input, so the step needs no further copy).
     */
    public void perturbInto(INDArray target, long iteration) {
        if (std == 0) {
            target.assign(z);
            return;
        }
        if (target.dataType() != z.dataType()) { // a double graph: draw as usual, cast on the copy
            target.assign(perturbed(iteration));
            return;
        }
        if (target.offset() != 0 || target.length() != zValues.length || target.ordering() != 'c') {
            throw new IllegalArgumentException("perturbInto needs a whole c-ordered array of z's shape, got "
                    + target.shapeInfoToString());
        }
        SplittableRandom root = Seeds.perturbation(seed, iteration);
        SplittableRandom[] chunks = new SplittableRandom[(zValues.length + CHUNK - 1) / CHUNK];
        for (int k = 0; k < chunks.length; k++) {
            chunks[k] = root.split();
        }
        FloatBuffer out = target.data().asNioFloat();
        IntStream.range(0, chunks.length).parallel().forEach(k -> {
            int from = k * CHUNK;
            int to = Math.min(from + CHUNK, zValues.length);
            SplittableRandom random = chunks[k];
            for (int i = from; i < to; i++) {
                out.put(i, zValues[i] + (float) (random.nextGaussian() * std));
            }
        });
    }

    public DataType dataType() {
        return z.dataType();
    }
}
