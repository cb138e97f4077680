package org.dip4j.losses.blend;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * Differentiable building blocks shared by the blending terms, made only of ops whose gradients
 * were checked in SameDiff 1.0.0-M2.1 (slices with explicit indices, sub, mul, abs, mean,
 * avgPooling2d, mmul).
 */
final class GraphOps {
    private GraphOps() {}

    /**
     * Forward differences of a 1×C×H×W tensor on the (H−1)×(W−1) grid of pixels that have both a
     * right and a lower neighbour: gx(y, x) = X(y, x+1) − X(y, x), gy(y, x) = X(y+1, x) − X(y, x).
     * Returns {gx, gy}, both 1×C×(H−1)×(W−1).
     */
    static SDVariable[] forwardDifferences(SDVariable x, int height, int width) {
        SDVariable here = topLeft(x, height, width);
        SDVariable right = x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, height - 1),
                SDIndex.interval(1, width));
        SDVariable below = x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, height),
                SDIndex.interval(0, width - 1));
        return new SDVariable[] {right.sub(here), below.sub(here)};
    }

    /** X restricted to the difference grid: its rows 0..H−2 and columns 0..W−2. */
    static SDVariable topLeft(SDVariable x, int height, int width) {
        return x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, height - 1),
                SDIndex.interval(0, width - 1));
    }

    /** E_x[w · v]: the mean over every element of w ⊙ v, w broadcast over channels. */
    static SDVariable weightedMean(SameDiff sd, String name, SDVariable weight, SDVariable values) {
        return sd.mean(name, values.mul(weight));
    }

    /** |gx| + |gy|: the L1 norm of a per-channel gradient difference. */
    static SDVariable l1(SameDiff sd, SDVariable gx, SDVariable gy) {
        return sd.math().abs(gx).add(sd.math().abs(gy));
    }

    /** s×s average pooling with stride s (the report's downsampling); identity for s = 1. */
    static SDVariable averagePool(SameDiff sd, SDVariable x, int s) {
        if (s == 1) {
            return x;
        }
        Pooling2DConfig config = Pooling2DConfig.builder().kH(s).kW(s).sH(s).sW(s)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return sd.cnn().avgPooling2d(x, config);
    }

    /** The channel-weighted sum Σ_c k_c X_c as 1×1×H×W (greyscale of an RGB image). */
    static SDVariable channelSum(SameDiff sd, SDVariable x, SDVariable weights) {
        return sd.sum(x.mul(weights), true, 1);
    }
}
