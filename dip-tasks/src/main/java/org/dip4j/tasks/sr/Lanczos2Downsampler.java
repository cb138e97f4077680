package org.dip4j.tasks.sr;

import org.dip4j.api.Image;
import org.dip4j.spi.ForwardModel;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's fixed super-resolution degradation as a differentiable forward model: a
 * separable Lanczos2 kernel (support 2, phase 0.5, {@code 4·factor} taps, normalised),
 * replication padding of {@code (size − factor)/2} pixels, then a per-channel convolution with
 * stride {@code factor} and no bias. A 1×C×H×W input becomes 1×C×(H/factor)×(W/factor).
 *
 * <p>The padding is assembled from slices and concatenations: SameDiff 1.0.0-M2.1's own
 * non-constant pad modes have wrong gradients. It needs no static shape: the last row and column
 * are taken as the first of the reversed tensor (negative slice indices throw in M2.1).
 */
public final class Lanczos2Downsampler implements ForwardModel {
    private final int factor;
    private final int channels;

    /** The downsampler for RGB images. */
    public Lanczos2Downsampler(int factor) {
        this(factor, 3);
    }

    /**
     * @param factor the downsampling factor; even, so that the padding is a whole number of pixels
     * @param channels the image's channels, each filtered on its own
     */
    public Lanczos2Downsampler(int factor, int channels) {
        if (factor < 2 || factor % 2 != 0) {
            throw new IllegalArgumentException("Lanczos2 downsampling needs an even factor >= 2, got " + factor);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        this.factor = factor;
        this.channels = channels;
    }

    public int factor() {
        return factor;
    }

    /** Taps per axis: {@code 4·factor}. */
    public int kernelSize() {
        return 4 * factor;
    }

    /** Replicated pixels on each side: {@code (size − factor)/2}. */
    public int padding() {
        return (kernelSize() - factor) / 2;
    }

    /**
     * The normalised 1-D kernel; the 2-D kernel is its outer product with itself. Tap
     * {@code i = 1..size} sits at distance {@code |i + 0.5 − centre| / factor} from the centre
     * {@code (4·factor + 2)/2}, and weighs {@code L(d) = sinc(d)·sinc(d/2)}.
     */
    public static double[] kernel(int factor) {
        int size = 4 * factor;
        double centre = (4 * factor + 2) / 2.0;
        double[] k = new double[size];
        double sum = 0;
        for (int i = 1; i <= size; i++) {
            double d = Math.abs(i + 0.5 - centre) / factor;
            k[i - 1] = lanczos2(d);
            sum += k[i - 1];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * The same degradation on the host, in double precision: what {@link #degrade} computes in
     * the graph, for images outside it (the reports' {@code psnr_lr} of the baselines). Output
     * pixel {@code o} weighs source pixels {@code o·factor − padding + k}, {@code k = 0..size−1},
     * indices clamped to the image (replication), by the separable kernel.
     */
    public Image downsample(Image hr) {
        if (hr.height() % factor != 0 || hr.width() % factor != 0) {
            throw new IllegalArgumentException("image " + hr.shape() + " is not a multiple of the factor " + factor);
        }
        double[] k = kernel(factor);
        int h = hr.height();
        int w = hr.width();
        int p = padding();
        // Horizontal pass (C×H×W/f), then vertical.
        Image rows = Image.generate(hr.channels(), h, w / factor, (c, y, ox) -> {
            double sum = 0;
            for (int j = 0; j < k.length; j++) {
                int x = Math.min(w - 1, Math.max(0, ox * factor - p + j));
                sum += k[j] * hr.get(c, y, x);
            }
            return sum;
        });
        return Image.generate(hr.channels(), h / factor, w / factor, (c, oy, ox) -> {
            double sum = 0;
            for (int j = 0; j < k.length; j++) {
                int y = Math.min(h - 1, Math.max(0, oy * factor - p + j));
                sum += k[j] * rows.get(c, y, ox);
            }
            return sum;
        });
    }

    /** {@code 2·sin(πx)·sin(πx/2) / (π²x²)}, 1 at 0. */
    static double lanczos2(double x) {
        if (x == 0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return 2 * Math.sin(px) * Math.sin(px / 2) / (px * px);
    }

    @Override
    public SDVariable degrade(SameDiff sd, SDVariable output) {
        DataType type = output.dataType();
        SDVariable padded = replicationPad(sd, output, padding());
        int size = kernelSize();
        double[] k = kernel(factor);
        // Depthwise weights [kH, kW, inChannels, multiplier 1].
        double[] w = new double[size * size * channels];
        int i = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < channels; c++) {
                    w[i++] = k[y] * k[x];
                }
            }
        }
        SDVariable weights = sd.constant(
                Nd4j.createFromArray(w).reshape('c', size, size, channels, 1).castTo(type));
        Conv2DConfig conv = Conv2DConfig.builder()
                .kH(size).kW(size)
                .sH(factor).sW(factor)
                .paddingMode(PaddingMode.VALID)
                .dataFormat(Conv2DConfig.NCHW)
                .build();
        return sd.cnn().depthWiseConv2d(padded, weights, conv);
    }

    /** {@code x} (N×C×H×W) with its border rows and columns repeated {@code p} times on each side. */
    static SDVariable replicationPad(SameDiff sd, SDVariable x, int p) {
        return padAxis(sd, padAxis(sd, x, 3, p), 2, p);
    }

    private static SDVariable padAxis(SameDiff sd, SDVariable x, int axis, int p) {
        SDVariable first = firstSlice(x, axis);
        SDVariable last = firstSlice(sd.reverse(x, axis), axis);
        SDVariable[] parts = new SDVariable[2 * p + 1];
        for (int j = 0; j < p; j++) {
            parts[j] = first;
            parts[p + 1 + j] = last;
        }
        parts[p] = x;
        return sd.concat(axis, parts);
    }

    private static SDVariable firstSlice(SDVariable x, int axis) {
        SDIndex[] index = new SDIndex[4];
        for (int a = 0; a < 4; a++) {
            index[a] = a == axis ? SDIndex.interval(0, 1) : SDIndex.all();
        }
        return x.get(index);
    }
}
