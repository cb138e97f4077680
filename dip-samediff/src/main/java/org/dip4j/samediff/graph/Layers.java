package org.dip4j.samediff.graph;

import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds network layers into one SameDiff graph, from ops whose gradients are right in
 * SameDiff 1.0.0-M2.1 (measured facts about M2.1, re-checked by this module's
 * gradient tests). Parameters are initialised as PyTorch does by default, so a seed plays the
 * same role as in the reference: conv weights and biases U(±1/√fan_in), BatchNorm γ = 1, β = 0.
 */
public final class Layers {
    private static final double BN_EPSILON = 1e-5;

    private final SameDiff sd;
    private final DataType dataType;
    private final RandomGenerator random;
    private long parameterCount;

    public Layers(SameDiff sd, DataType dataType, RandomGenerator random) {
        this.sd = sd;
        this.dataType = dataType;
        this.random = random;
        NativeOps.install();
    }

    /**
     * What runs a run's float k×k convolutions (k > 1), for its provenance: oneDNN called directly
     * (plan graphs, see {@link OneDnn}) or ND4J's {@code conv2d}. Plan graphs' 1×1 convolutions are
     * matrix products either way.
     */
    public static String convolutionPath(boolean planGraph) {
        if (!planGraph || !OneDnn.convolves(DataType.FLOAT)) {
            return "ND4J conv2d";
        }
        return OneDnn.hasWinograd() ? "oneDNN 2.5, Winograd for 3x3 at stride 1" : "oneDNN 2.5, direct";
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Trainable parameters created so far. */
    public long parameterCount() {
        return parameterCount;
    }

    /**
     * k×k convolution with "same" size at stride 1 (size/stride otherwise), padding the input
     * first as {@code padding} says, as the reference's {@code conv()} does.
     */
    public FeatureMap conv(String name, FeatureMap x, int outChannels, int kernel, int stride, Padding padding,
            boolean bias) {
        int p = (kernel - 1) / 2;
        FeatureMap in = x;
        long explicitPad = 0;
        if (p > 0 && padding == Padding.REFLECTION) {
            in = reflectionPad(x, p);
        } else if (p > 0) {
            explicitPad = p;
        }
        int fanIn = x.channels() * kernel * kernel;
        double bound = 1.0 / Math.sqrt(fanIn);
        SDVariable w = parameter(name + "/W", uniform(bound, kernel, kernel, x.channels(), outChannels));
        SDVariable b = bias ? parameter(name + "/b", uniform(bound, outChannels)) : null;
        if (kernel == 1 && stride == 1 && PlanGraphs.isPlanGraph(sd)) {
            // One matrix product (PointwiseConv) instead of oneDNN's convolution and its layout copies.
            SDVariable y = new PointwiseConv(sd, in.variable(), w, b).outputVariables()[0];
            return new FeatureMap(sd.identity(name, y), outChannels, in.height(), in.width());
        }
        int h = (in.height() + 2 * (int) explicitPad - kernel) / stride + 1;
        int wd = (in.width() + 2 * (int) explicitPad - kernel) / stride + 1;
        if (PlanGraphs.isPlanGraph(sd) && OneDnn.convolves(dataType)) {
            // oneDNN called directly: Winograd for 3×3, fewer layout copies than ND4J's conv2d.
            SDVariable y = new OneDnnConv(sd, in.variable(), w, b, stride, (int) explicitPad).outputVariables()[0];
            return new FeatureMap(sd.updateVariableNameAndReference(y, name), outChannels, h, wd);
        }
        Conv2DConfig cfg = Conv2DConfig.builder()
                .kH(kernel).kW(kernel).sH(stride).sW(stride).pH(explicitPad).pW(explicitPad)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
        SDVariable y = b == null ? sd.cnn().conv2d(name, in.variable(), w, cfg)
                : sd.cnn().conv2d(name, in.variable(), w, b, cfg);
        return new FeatureMap(y, outChannels, h, wd);
    }

    /**
     * BatchNorm on the batch's own statistics (batch size 1: per-channel mean and biased variance
     * over H×W), as the reference always runs it. Two native ops forward (moments, batchnorm) and
     * one backward (batchnorm_bp): built from elementary ops it took about seventeen passes over the
     * map and kept two more maps for the backward pass. SameDiff's own {@code sd.nn.batchNorm}
     * cannot build its gradient in M2.1; {@link NativeBatchNorm} says why and how this one does.
     */
    public FeatureMap batchNorm(String name, FeatureMap x) {
        int c = x.channels();
        SDVariable gamma = parameter(name + "/gamma", Nd4j.ones(dataType, c));
        SDVariable beta = parameter(name + "/beta", Nd4j.zeros(dataType, c));
        SDVariable[] stats = new BatchStatistics(sd, x.variable()).outputVariables();
        SDVariable y = new NativeBatchNorm(sd, x.variable(), stats[0], stats[1], gamma, beta, BN_EPSILON)
                .outputVariable();
        return new FeatureMap(sd.updateVariableNameAndReference(y, name), c, x.height(), x.width());
    }

    /**
     * BatchNorm then LeakyReLU with {@code slope} (slope 1: BatchNorm alone). In a plan graph one
     * fused op ({@link BatchNormLeakyRelu}); otherwise {@link #batchNorm} and {@link #leakyRelu}.
     * Parameters and output are named as {@link #batchNorm} names them either way.
     */
    public FeatureMap batchNormLeakyRelu(String name, FeatureMap x, double slope) {
        if (!PlanGraphs.isPlanGraph(sd)) {
            FeatureMap y = batchNorm(name, x);
            return slope == 1 ? y : leakyRelu(y, slope);
        }
        int c = x.channels();
        SDVariable gamma = parameter(name + "/gamma", Nd4j.ones(dataType, c));
        SDVariable beta = parameter(name + "/beta", Nd4j.zeros(dataType, c));
        SDVariable y = new BatchNormLeakyRelu(sd, x.variable(), gamma, beta, BN_EPSILON, slope).outputVariables()[0];
        return new FeatureMap(sd.updateVariableNameAndReference(y, name), c, x.height(), x.width());
    }

    public FeatureMap leakyRelu(FeatureMap x, double slope) {
        return new FeatureMap(sd.nn().leakyRelu(x.variable(), slope), x.channels(), x.height(), x.width());
    }

    public FeatureMap sigmoid(String name, FeatureMap x) {
        return new FeatureMap(sd.nn().sigmoid(name, x.variable()), x.channels(), x.height(), x.width());
    }

    /** 2×2 average pooling, stride 2. */
    public FeatureMap averagePool2(FeatureMap x) {
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return new FeatureMap(sd.cnn().avgPooling2d(x.variable(), cfg), x.channels(), x.height() / 2, x.width() / 2);
    }

    /** ×2 upsampling. */
    public FeatureMap upsample2(FeatureMap x, Upsampling mode) {
        if (mode == Upsampling.BILINEAR && PlanGraphs.isPlanGraph(sd)) {
            SDVariable y = new PlaneOps.BilinearUpsample2x(sd, x.variable()).outputVariables()[0];
            return new FeatureMap(y, x.channels(), 2 * x.height(), 2 * x.width());
        }
        SDVariable nearest = sd.cnn().upsampling2d(x.variable(), 2, 2, true);
        FeatureMap up = new FeatureMap(nearest, x.channels(), 2 * x.height(), 2 * x.width());
        if (mode == Upsampling.NEAREST) {
            return up;
        }
        // Bilinear ×2 with align_corners=False is nearest ×2 followed by the separable
        // [1/4, 1/2, 1/4] filter, with edges replicated (reflecting the doubled map by one
        // pixel repeats the edge value).
        FeatureMap padded = reflectionPad(up, 1);
        double[] taps = {0.25, 0.5, 0.25};
        INDArray k = Nd4j.create(dataType, 3, 3, x.channels(), 1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int c = 0; c < x.channels(); c++) {
                    k.putScalar(new long[] {i, j, c, 0}, taps[i] * taps[j]);
                }
            }
        }
        SDVariable kernel = sd.constant(k);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build();
        SDVariable y = sd.cnn().depthWiseConv2d(padded.variable(), kernel, cfg);
        return new FeatureMap(y, x.channels(), up.height(), up.width());
    }

    /**
     * Channel concatenation; maps of different sizes are centre-cropped to the smaller one first,
     * as the reference's {@code Concat} does.
     */
    public FeatureMap concat(FeatureMap a, FeatureMap b) {
        int h = Math.min(a.height(), b.height());
        int w = Math.min(a.width(), b.width());
        FeatureMap ca = centreCrop(a, h, w);
        FeatureMap cb = centreCrop(b, h, w);
        return new FeatureMap(sd.concat(1, ca.variable(), cb.variable()), a.channels() + b.channels(), h, w);
    }

    FeatureMap centreCrop(FeatureMap x, int h, int w) {
        if (x.height() == h && x.width() == w) {
            return x;
        }
        int top = (x.height() - h) / 2;
        int left = (x.width() - w) / 2;
        SDVariable y = x.variable().get(SDIndex.all(), SDIndex.all(),
                SDIndex.interval(top, top + h), SDIndex.interval(left, left + w));
        return new FeatureMap(y, x.channels(), h, w);
    }

    /**
     * Reflection padding by {@code p} pixels on each side (PyTorch's ReflectionPad2d), built from
     * one-pixel slices and concatenation: SameDiff's own REFLECT pad gets the gradient wrong.
     */
    public FeatureMap reflectionPad(FeatureMap x, int p) {
        if (p >= x.height() || p >= x.width()) {
            throw new IllegalArgumentException("reflection pad " + p + " needs a map larger than "
                    + x.height() + "×" + x.width());
        }
        if (PlanGraphs.isPlanGraph(sd)) {
            SDVariable y = new PlaneOps.ReflectionPad(sd, x.variable(), p).outputVariables()[0];
            return new FeatureMap(y, x.channels(), x.height() + 2 * p, x.width() + 2 * p);
        }
        SDVariable rows = padAxis(x.variable(), 2, x.height(), p);
        SDVariable both = padAxis(rows, 3, x.width(), p);
        return new FeatureMap(both, x.channels(), x.height() + 2 * p, x.width() + 2 * p);
    }

    private SDVariable padAxis(SDVariable v, int axis, int size, int p) {
        SDVariable[] parts = new SDVariable[size > 0 ? 2 * p + 1 : 1];
        int n = 0;
        for (int i = p; i >= 1; i--) {
            parts[n++] = slice(v, axis, i);
        }
        parts[n++] = v;
        for (int i = size - 2; i >= size - 1 - p; i--) {
            parts[n++] = slice(v, axis, i);
        }
        return sd.concat(axis, parts);
    }

    private static SDVariable slice(SDVariable v, int axis, int index) {
        SDIndex one = SDIndex.interval(index, index + 1);
        return axis == 2 ? v.get(SDIndex.all(), SDIndex.all(), one, SDIndex.all())
                : v.get(SDIndex.all(), SDIndex.all(), SDIndex.all(), one);
    }

    private SDVariable parameter(String name, INDArray init) {
        parameterCount += init.length();
        return sd.var(name, init);
    }

    private INDArray uniform(double bound, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return Nd4j.createFromArray(values).reshape('c', shape).castTo(dataType);
    }
}
