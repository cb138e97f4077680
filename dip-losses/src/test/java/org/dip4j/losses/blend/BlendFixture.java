package org.dip4j.losses.blend;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Map;
import java.util.Random;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A double-precision blending graph for tests: F a variable, fg/bg/alpha constants, progress a
 * scalar placeholder, as the engine will build it.
 */
final class BlendFixture {
    final int channels;
    final int height;
    final int width;
    final double[] output;
    final double[] foreground;
    final double[] background;
    final double[] alpha;
    private Config overrides = ConfigFactory.empty();
    private DataType dataType = DataType.DOUBLE;

    private BlendFixture(int c, int h, int w, double[] f, double[] a, double[] b, double[] alpha) {
        this.channels = c;
        this.height = h;
        this.width = w;
        this.output = f;
        this.foreground = a;
        this.background = b;
        this.alpha = alpha;
    }

    /** Random F, A, B in (0, 1) and α in (0, 1). */
    static BlendFixture random(long seed, int c, int h, int w) {
        Random r = new Random(seed);
        double[] f = new double[c * h * w];
        double[] a = new double[f.length];
        double[] b = new double[f.length];
        double[] alpha = new double[h * w];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextDouble();
            a[i] = r.nextDouble();
            b[i] = r.nextDouble();
        }
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = 0.02 + 0.96 * r.nextDouble();
        }
        return new BlendFixture(c, h, w, f, a, b, alpha);
    }

    static BlendFixture of(int c, int h, int w, double[] f, double[] a, double[] b, double[] alpha) {
        return new BlendFixture(c, h, w, f, a, b, alpha);
    }

    /** Overrides one of the loss's settings (over its reference.conf defaults). */
    BlendFixture with(String key, Object value) {
        overrides = overrides.withValue(key, ConfigValueFactory.fromAnyRef(value));
        return this;
    }

    /** Builds the graph in {@code type} (the engine runs in FLOAT; gradient checks need DOUBLE). */
    BlendFixture in(DataType type) {
        dataType = type;
        return this;
    }

    static Config defaults(String id) {
        Config reference = ConfigFactory.defaultReference();
        String path = "dip.losses." + id;
        return reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
    }

    /** The built graph of one loss term. */
    Built build(Loss loss) {
        SameDiff sd = SameDiff.create();
        SDVariable f = sd.var("F", array(output, channels));
        SDVariable a = sd.constant("fg", array(foreground, channels));
        SDVariable b = sd.constant("bg", array(background, channels));
        SDVariable al = sd.constant("alpha", array(alpha, 1));
        SDVariable progress = sd.placeHolder("progress", dataType);
        LossGraph graph = LossGraph.builder(sd).output(f).observation(b).auxiliary("fg", a).auxiliary("bg", b)
                .auxiliary("alpha", al).progress(progress)
                .settings(overrides.withFallback(defaults(loss.id())).resolve()).build();
        SDVariable value = loss.define(graph);
        sd.setLossVariables(value.name());
        return new Built(sd, value, dataType);
    }

    private INDArray array(double[] values, int c) {
        return Nd4j.createFromArray(values).reshape(1, c, height, width).castTo(dataType);
    }

    /** A graph and its loss variable. */
    record Built(SameDiff sd, SDVariable loss, DataType dataType) {
        Map<String, INDArray> feed(double progress) {
            return Map.of("progress", Nd4j.scalar(progress).castTo(dataType));
        }

        double value(double progress) {
            return sd.output(feed(progress), loss.name()).get(loss.name()).getDouble(0);
        }
    }
}
