package org.dip4j.samediff.skip;

import java.util.OptionalLong;
import org.dip4j.samediff.graph.FeatureMap;
import org.dip4j.samediff.graph.Layers;
import org.dip4j.spi.Architecture;
import org.dip4j.spi.NetworkGraph;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The encoder-decoder with skip connections of Deep Image Prior (Ulyanov et al., CVPR 2018):
 * the reference's {@code models/skip.py}. Per scale i: an optional skip branch (conv, BN, act),
 * a deeper branch (strided conv, BN, act, conv, BN, act, the next scale, ×2 upsampling), their
 * concatenation, BN, an up conv with BN and act, and an optional 1×1 conv with BN and act; a 1×1
 * head and a sigmoid close the network.
 */
public final class SkipArchitecture implements Architecture {
    /** The id that selects this network in {@code dip.network.architecture}. */
    public static final String ID = "skip";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "DIP encoder-decoder with skip connections (reference models/skip.py)";
    }

    @Override
    public SDVariable define(NetworkGraph graph) {
        return build(graph).variable();
    }

    @Override
    public OptionalLong parameterCount(NetworkGraph graph) {
        return OptionalLong.of(countParameters(SkipSettings.from(graph.settings()), graph.inputChannels(),
                graph.outputChannels()));
    }

    @Override
    public int minimumSize(com.typesafe.config.Config settings) {
        return SkipSettings.from(settings).minimumSize();
    }

    /** Builds the network and returns the output map. */
    public FeatureMap build(NetworkGraph graph) {
        SkipSettings s = SkipSettings.from(graph.settings());
        Layers layers = new Layers(graph.sameDiff(), graph.dataType(), graph.random());
        long[] shape = graph.input().getShape();
        FeatureMap x = new FeatureMap(graph.input(), graph.inputChannels(), (int) shape[2], (int) shape[3]);
        FeatureMap body = level(layers, s, 0, x);
        FeatureMap head = layers.conv("head", body, graph.outputChannels(), 1, 1, s.padding(), s.bias());
        return s.needSigmoid() ? layers.sigmoid("output", head) : head;
    }

    private FeatureMap level(Layers l, SkipSettings s, int i, FeatureMap x) {
        String p = "level" + i + "/";
        double slope = s.leakyReluSlope();
        FeatureMap skip = null;
        if (s.channelsSkip().get(i) != 0) {
            skip = l.conv(p + "skip", x, s.channelsSkip().get(i), s.filterSizeSkip(), 1, s.padding(), s.bias());
            skip = l.batchNormLeakyRelu(p + "skip_bn", skip, slope);
        }
        int down = s.channelsDown().get(i);
        int stride = s.averagePoolDownsampling() ? 1 : 2;
        FeatureMap d = l.conv(p + "down1", x, down, s.filterSizeDown(), stride, s.padding(), s.bias());
        if (s.averagePoolDownsampling()) {
            d = l.averagePool2(d);
        }
        d = l.batchNormLeakyRelu(p + "down1_bn", d, slope);
        d = l.conv(p + "down2", d, down, s.filterSizeDown(), 1, s.padding(), s.bias());
        d = l.batchNormLeakyRelu(p + "down2_bn", d, slope);
        if (i + 1 < s.depth()) {
            d = level(l, s, i + 1, d);
        }
        d = l.upsample2(d, s.upsampling().get(i));
        FeatureMap merged = skip == null ? d : l.concat(skip, d);
        merged = l.batchNormLeakyRelu(p + "merge_bn", merged, 1.0);
        int up = s.channelsUp().get(i);
        FeatureMap u = l.conv(p + "up", merged, up, s.filterSizeUp(), 1, s.padding(), s.bias());
        u = l.batchNormLeakyRelu(p + "up_bn", u, slope);
        if (s.need1x1Up()) {
            u = l.conv(p + "up1x1", u, up, 1, 1, s.padding(), s.bias());
            u = l.batchNormLeakyRelu(p + "up1x1_bn", u, slope);
        }
        return u;
    }

    /**
     * Multiply-adds of one forward pass on an input of {@code height × width}, counted over the
     * convolutions (BatchNorm, activations and upsampling are a rounding error next to them).
     */
    public static long countForwardMacs(SkipSettings s, int inputChannels, int outputChannels, int height, int width) {
        long total = 0;
        int in = inputChannels;
        long h = height;
        long w = width;
        for (int i = 0; i < s.depth(); i++) {
            int skip = s.channelsSkip().get(i);
            int down = s.channelsDown().get(i);
            int up = s.channelsUp().get(i);
            long kd = (long) s.filterSizeDown() * s.filterSizeDown();
            total += h * w * in * skip * s.filterSizeSkip() * s.filterSizeSkip();
            long h2 = h / 2;
            long w2 = w / 2;
            // With stride the first conv runs at the lower resolution; with avg pooling at the full one.
            total += (s.averagePoolDownsampling() ? h * w : h2 * w2) * in * down * kd;
            total += h2 * w2 * down * down * kd;
            int deeperOut = i + 1 < s.depth() ? s.channelsUp().get(i + 1) : down;
            total += h * w * (skip + deeperOut) * up * s.filterSizeUp() * s.filterSizeUp();
            if (s.need1x1Up()) {
                total += h * w * up * up;
            }
            in = down;
            h = h2;
            w = w2;
        }
        total += (long) height * width * s.channelsUp().get(0) * outputChannels;
        return total;
    }

    /** Trainable parameters of the network, counted from the settings alone. */
    public static long countParameters(SkipSettings s, int inputChannels, int outputChannels) {
        long total = 0;
        int in = inputChannels;
        int b = s.bias() ? 1 : 0;
        for (int i = 0; i < s.depth(); i++) {
            int skip = s.channelsSkip().get(i);
            int down = s.channelsDown().get(i);
            int up = s.channelsUp().get(i);
            int kd = s.filterSizeDown();
            if (skip != 0) {
                total += (long) in * skip * s.filterSizeSkip() * s.filterSizeSkip() + b * skip + 2L * skip;
            }
            total += (long) in * down * kd * kd + b * down + 2L * down;
            total += (long) down * down * kd * kd + b * down + 2L * down;
            int deeperOut = i + 1 < s.depth() ? s.channelsUp().get(i + 1) : down;
            int merged = skip + deeperOut;
            total += 2L * merged;
            total += (long) merged * up * s.filterSizeUp() * s.filterSizeUp() + b * up + 2L * up;
            if (s.need1x1Up()) {
                total += (long) up * up + b * up + 2L * up;
            }
            in = down;
        }
        total += (long) s.channelsUp().get(0) * outputChannels + b * outputChannels;
        return total;
    }
}
