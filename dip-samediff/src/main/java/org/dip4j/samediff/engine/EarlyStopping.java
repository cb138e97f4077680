package org.dip4j.samediff.engine;

import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping without ground truth by the windowed moving variance of the outputs (ES-WMV;
 * Wang, Li, Zhuang, Sun, "Early stopping for deep image prior", TMLR 2023): the variance of the
 * last {@code window} outputs, averaged over pixels, falls while the network fits the image and
 * rises once it starts fitting the noise. The run stops when the variance has not reached a new
 * minimum for {@code patience} iterations, and keeps the output at the minimum. Once made, the
 * choice is final: later outputs are ignored (a run configured not to halt goes on without it).
 *
 * <p>The variance is kept incrementally from running sums over a ring buffer of outputs, so each
 * iteration costs a few element-wise operations on one image.
 */
final class EarlyStopping {
    private final int window;
    private final int patience;
    private final INDArray[] ring;
    private final INDArray sum;
    private final INDArray sumOfSquares;
    private int filled;
    private double bestVariance = Double.POSITIVE_INFINITY;
    private int bestIteration = -1;
    private @Nullable INDArray bestOutput;
    private boolean decided;
    private int decidedAt = -1;

    EarlyStopping(int window, int patience, long[] shape, org.nd4j.linalg.api.buffer.DataType type) {
        this.window = window;
        this.patience = patience;
        this.ring = new INDArray[window];
        this.sum = org.nd4j.linalg.factory.Nd4j.zeros(type, shape);
        this.sumOfSquares = org.nd4j.linalg.factory.Nd4j.zeros(type, shape);
    }

    /** Adds the output of {@code iteration}; returns true when the choice is made (once, at that iteration). */
    boolean update(int iteration, INDArray output) {
        if (decided) {
            return false;
        }
        int slot = filled % window;
        if (ring[slot] == null) {
            ring[slot] = output.dup();
        } else {
            sum.subi(ring[slot]);
            sumOfSquares.subi(ring[slot].mul(ring[slot]));
            ring[slot].assign(output);
        }
        sum.addi(output);
        sumOfSquares.addi(output.mul(output));
        filled++;
        if (filled < window) {
            return false;
        }
        double variance = variance();
        if (variance < bestVariance) {
            bestVariance = variance;
            bestIteration = iteration;
            if (bestOutput == null) {
                bestOutput = output.dup();
            } else {
                bestOutput.assign(output);
            }
        }
        decided = iteration - bestIteration >= patience;
        if (decided) {
            decidedAt = iteration;
        }
        return decided;
    }

    /** The iteration the choice was made at, or −1. */
    int decidedAt() {
        return decidedAt;
    }

    /** True once the choice is made. */
    boolean decided() {
        return decided;
    }

    /** Mean over samples of the window's variance: mean(Q/W − (S/W)²). */
    double variance() {
        INDArray mean = sum.div(window);
        return sumOfSquares.div(window).subi(mean.mul(mean)).meanNumber().doubleValue();
    }

    /** The iteration of the lowest variance so far, or −1 before the window is full. */
    int bestIteration() {
        return bestIteration;
    }

    @Nullable INDArray bestOutput() {
        return bestOutput;
    }

    /** State for a checkpoint. */
    void save(CheckpointCodec.Section out) {
        for (int i = 0; i < window; i++) {
            if (ring[i] != null) {
                out.putArray("ring/" + i, ring[i]);
            }
        }
        out.putArray("sum", sum);
        out.putArray("sumsq", sumOfSquares);
        if (bestOutput != null) {
            out.putArray("best", bestOutput);
        }
        out.putScalar("filled", Integer.toString(filled));
        out.putScalar("best-variance", Double.toString(bestVariance));
        out.putScalar("best-iteration", Integer.toString(bestIteration));
        out.putScalar("decided-at", Integer.toString(decidedAt));
    }

    /** Restores what {@link #save} stored; nothing when the checkpoint was written with early stopping off. */
    void restore(CheckpointCodec.Section in) {
        String filledSoFar = in.scalar("filled");
        if (filledSoFar == null) {
            return;
        }
        for (int i = 0; i < window; i++) {
            INDArray a = in.array("ring/" + i);
            ring[i] = a == null ? null : a.dup();
        }
        sum.assign(in.requireArray("sum"));
        sumOfSquares.assign(in.requireArray("sumsq"));
        INDArray best = in.array("best");
        bestOutput = best == null ? null : best.dup();
        filled = Integer.parseInt(filledSoFar);
        bestVariance = Double.parseDouble(String.valueOf(in.scalar("best-variance")));
        bestIteration = Integer.parseInt(String.valueOf(in.scalar("best-iteration")));
        String decided = in.scalar("decided-at");
        decidedAt = decided == null ? -1 : Integer.parseInt(decided);
        this.decided = decidedAt >= 0;
    }
}
