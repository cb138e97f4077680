package org.dip4j.samediff.engine;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dip4j.samediff.plan.ThreadScratch;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The Adam update of every float parameter in one Java pass per step, spread over two threads
 * (one of the plan's Java kernels: host memory, so {@code dip.run.java-kernels} keeps it off a CUDA build):
 * ND4J's {@code adam_updater} followed by {@code subi} takes two native calls per parameter
 * (224 for the skip network, ~25 ms a step at 128²) for work that is a few memory sweeps. It
 * writes the moments into the updaters' own state arrays, so checkpoints and SameDiff see them.
 */
final class FusedAdam {
    /** Parameters are cut into pieces of at most this many values, the unit handed to a thread. */
    private static final int PIECE = 1 << 16;

    private record Piece(FloatBuffer parameter, FloatBuffer gradient, FloatBuffer m, FloatBuffer v, int from, int to) {}

    private final List<Piece> pieces = new ArrayList<>();
    private final Adam config;

    private FusedAdam(Adam config) {
        this.config = config;
    }

    /** One parameter with its gradient and updater. */
    record Target(INDArray parameter, INDArray gradient, GradientUpdater<?> updater) {}

    /**
     * The fused update of {@code targets}, or null when one of them is not a float array with a
     * plain Adam updater of the same settings as the others (then the per-parameter native
     * update is used).
     */
    static @Nullable FusedAdam of(List<Target> targets) {
        Adam first = null;
        List<Piece> pieces = new ArrayList<>();
        for (Target t : targets) {
            if (!(t.updater() instanceof AdamUpdater adam)) {
                return null;
            }
            Adam config = adam.getConfig();
            if (first == null) {
                first = config;
            } else if (!first.equals(config)) {
                return null;
            }
            Map<String, INDArray> state = adam.getState();
            FloatBuffer p = floats(t.parameter());
            FloatBuffer g = floats(t.gradient());
            FloatBuffer m = floats(state.get(AdamUpdater.M_STATE));
            FloatBuffer v = floats(state.get(AdamUpdater.V_STATE));
            if (p == null || g == null || m == null || v == null) {
                return null;
            }
            int n = p.capacity();
            for (int from = 0; from < n; from += PIECE) {
                pieces.add(new Piece(p, g, m, v, from, Math.min(n, from + PIECE)));
            }
        }
        if (first == null) {
            return null;
        }
        FusedAdam fused = new FusedAdam(first);
        fused.pieces.addAll(pieces);
        return fused;
    }

    /** The values of a contiguous float array, or null for anything else. */
    static @Nullable FloatBuffer floats(@Nullable INDArray a) {
        if (a == null || a.dataType() != DataType.FLOAT || a.length() > Integer.MAX_VALUE
                || a.length() > 1 && a.elementWiseStride() != 1) {
            return null;
        }
        FloatBuffer all = a.data().asNioFloat();
        return all.slice((int) a.offset(), (int) a.length());
    }

    /** Step {@code iteration} (counted from 0, as SameDiff's training configuration counts). */
    void step(int iteration, int epoch) {
        // As ND4J's adam_updater computes them, in float.
        float lr = (float) config.getLearningRate(iteration, epoch);
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float epsilonT = (float) (lr * Math.sqrt(1 - Math.pow(beta2, iteration + 1)) / (1 - Math.pow(beta1, iteration + 1)));
        if (Float.isNaN(epsilonT) || Float.isInfinite(epsilonT) || epsilonT == 0) {
            epsilonT = epsilon;
        }
        float step = epsilonT;
        pieces.parallelStream().forEach(piece -> update(piece, beta1, beta2, epsilon, step));
    }

    private static void update(Piece piece, float beta1, float beta2, float epsilon, float epsilonT) {
        float keep1 = 1 - beta1;
        float keep2 = 1 - beta2;
        int from = piece.from();
        int n = piece.to() - from;
        float[][] scratch = SCRATCH.get();
        float[] p = scratch[0];
        float[] g = scratch[1];
        float[] m = scratch[2];
        float[] v = scratch[3];
        piece.parameter().get(from, p, 0, n);
        piece.gradient().get(from, g, 0, n);
        piece.m().get(from, m, 0, n);
        piece.v().get(from, v, 0, n);
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = beta1 * m[i] + gi * keep1;
            float vi = beta2 * v[i] + gi * gi * keep2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= mi * epsilonT / ((float) Math.sqrt(vi) + epsilon);
        }
        piece.parameter().put(from, p, 0, n);
        piece.m().put(from, m, 0, n);
        piece.v().put(from, v, 0, n);
    }

    private static final ThreadScratch<float[][]> SCRATCH = new ThreadScratch<>(() -> new float[4][PIECE]);
}
