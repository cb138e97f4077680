package org.dip4j.losses.blend;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A separable low-pass filter G inside the graph, written as two matrix products
 * G(X) = M_y · X · M_xᵀ per channel, with replicate-border matrices from {@link Kernels#matrix}.
 *
 * <p>Why matrices rather than a convolution: the filters here are large (31–91 taps), the
 * matrices give the exact border handling on the host with no padding op (SameDiff's reflect pad
 * has a wrong gradient), and mmul's gradient is plain. The cost, H·W·(H+W) per channel, is a few
 * percent of the network's at 512².
 */
final class SeparableBlur {
    private final SDVariable rowsT;
    private final SDVariable colsT;

    private SeparableBlur(SDVariable rowsT, SDVariable colsT) {
        this.rowsT = rowsT;
        this.colsT = colsT;
    }

    /** The filter with {@code kernel} along both axes for images of the inputs' size. */
    static SeparableBlur of(BlendInputs in, String name, double[] kernel) {
        INDArray my = Nd4j.createFromArray(Kernels.matrix(in.height, kernel)).transpose().dup('c');
        INDArray mx = Nd4j.createFromArray(Kernels.matrix(in.width, kernel)).transpose().dup('c');
        return new SeparableBlur(in.constant(name + "-rows", my), in.constant(name + "-cols", mx));
    }

    /** G(X) for X of shape 1×C×H×W. */
    SDVariable apply(SameDiff sd, SDVariable x, int channels, int height, int width) {
        // Along x: rows of X times M_xᵀ.
        SDVariable alongX = sd.mmul(sd.reshape(x, channels * height, width), colsT);
        // Along y: transpose each channel so columns become rows, multiply, transpose back.
        SDVariable transposed = sd.permute(sd.reshape(alongX, channels, height, width), 0, 2, 1);
        SDVariable alongY = sd.mmul(sd.reshape(transposed, channels * width, height), rowsT);
        SDVariable back = sd.permute(sd.reshape(alongY, channels, width, height), 0, 2, 1);
        return sd.reshape(back, 1, channels, height, width);
    }
}
