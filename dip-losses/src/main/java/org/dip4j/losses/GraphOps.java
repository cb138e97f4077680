package org.dip4j.losses;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * Differentiable building blocks of the built-in losses, offered to plugin authors (depend on
 * {@code org.dip4j:dip-losses} in {@code provided} scope: dip ships it). They are made only of ops
 * whose gradients were checked in SameDiff 1.0.0-M2.1 (slices with explicit indices, sub, mul,
 * abs, mean, avgPooling2d), and the losses built from them pass finite-difference gradient checks
 * in double precision. Tensors are NCHW; the sizes are the graph's known H and W.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GraphOps {
    private GraphOps() {}

    /**
     * Forward differences of a 1×C×H×W tensor on the (H−1)×(W−1) grid of pixels that have both a
     * right and a lower neighbour: gx(y, x) = X(y, x+1) − X(y, x), gy(y, x) = X(y+1, x) − X(y, x).
     * Returns {gx, gy}, both 1×C×(H−1)×(W−1).
     */
    public static SDVariable[] forwardDifferences(SDVariable x, int height, int width) {
        SDVariable here = topLeft(x, height, width);
        SDVariable right = x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, height - 1),
                SDIndex.interval(1, width));
        SDVariable below = x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(1, height),
                SDIndex.interval(0, width - 1));
        return new SDVariable[] {right.sub(here), below.sub(here)};
    }

    /** X restricted to the difference grid: its rows 0..H−2 and columns 0..W−2. */
    public static SDVariable topLeft(SDVariable x, int height, int width) {
        return x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, height - 1),
                SDIndex.interval(0, width - 1));
    }

    /** E_x[w · v]: the mean over every element of w ⊙ v, w broadcast over channels. */
    public static SDVariable weightedMean(SameDiff sd, String name, SDVariable weight, SDVariable values) {
        return sd.mean(name, values.mul(weight));
    }

    /** |gx| + |gy|: the L1 norm of a per-channel gradient difference. */
    public static SDVariable l1(SameDiff sd, SDVariable gx, SDVariable gy) {
        return sd.math().abs(gx).add(sd.math().abs(gy));
    }

    /**
     * {@code x} averaged over s×s blocks with stride s (the report's downsampling); {@code s = 1}
     * returns {@code x} itself. VALID padding: when H or W is not a multiple of s, the last
     * {@code H mod s} rows and {@code W mod s} columns are left out (a crop at the bottom and
     * right), never padded.
     */
    public static SDVariable averagePool(SameDiff sd, SDVariable x, int s) {
        if (s == 1) {
            return x;
        }
        // avgPooling2d's gradient checks out in M2.1 (MultiscaleMseLossTests check it); NCHW is isNHWC = false.
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(s).kW(s)
                .sH(s).sW(s)
                .pH(0).pW(0)
                .dH(1).dW(1)
                .paddingMode(PaddingMode.VALID)
                .isNHWC(false)
                .build();
        return sd.cnn().avgPooling2d(x, config);
    }

    /** The channel-weighted sum Σ_c k_c X_c as 1×1×H×W (greyscale of an RGB image). */
    public static SDVariable channelSum(SameDiff sd, SDVariable x, SDVariable weights) {
        return sd.sum(x.mul(weights), true, 1);
    }
}
