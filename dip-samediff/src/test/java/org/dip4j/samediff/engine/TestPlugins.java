package org.dip4j.samediff.engine;

import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** Minimal plugins so the engine can be tested without the plugin modules. */
final class TestPlugins {
    private TestPlugins() {}

    /** A smooth 3×32×32 image with noise added; the clean image is the ground truth. */
    public static final class NoisyGradientTask implements Task {
        @Override
        public String id() {
            return "test-noisy-gradient";
        }

        @Override
        public Problem prepare(TaskContext context) {
            int size = context.settings().hasPath("size") ? context.settings().getInt("size") : 32;
            Image clean = Image.generate(3, size, size, (c, y, x) -> 0.2 + 0.6 * (x + y + 5.0 * c) / (2 * size + 10));
            java.util.SplittableRandom r = new java.util.SplittableRandom(context.seed());
            Image noisy = clean.map(v -> Math.min(1, Math.max(0, v + 0.1 * r.nextGaussian())));
            return Problem.builder(noisy).groundTruth(clean).saveInput("noisy.png", noisy).build();
        }
    }

    /** The noisy gradient task observed at half size: the forward model is 2×2 average pooling. */
    public static final class HalfSizeTask implements Task {
        @Override
        public String id() {
            return "test-half-size";
        }

        @Override
        public Problem prepare(TaskContext context) {
            Problem full = new NoisyGradientTask().prepare(context);
            Image small = halve(full.observation());
            return Problem.builder(small).groundTruth(full.groundTruth())
                    .outputSize(3, full.observation().height(), full.observation().width())
                    .forwardModel((sd, o) -> sd.cnn().avgPooling2d(o, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                            .isNHWC(false).build()))
                    .build();
        }

        /** The mean of each 2×2 block, in Java: the forward model's reference. */
        static Image halve(Image image) {
            return Image.generate(image.channels(), image.height() / 2, image.width() / 2,
                    (c, y, x) -> (image.get(c, 2 * y, 2 * x) + image.get(c, 2 * y + 1, 2 * x)
                            + image.get(c, 2 * y, 2 * x + 1) + image.get(c, 2 * y + 1, 2 * x + 1)) / 4);
        }
    }

    /** PSNR of the prediction (the forward model's output) against the observation. */
    public static final class PsnrObservation implements Metric {
        @Override
        public String id() {
            return "test-psnr-observation";
        }

        @Override
        public OptionalDouble evaluate(MetricInputs in) {
            return OptionalDouble.of(psnr(in.observation(), in.prediction()));
        }
    }

    static double psnr(Image a, Image b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return 10 * Math.log10(x.length / sum);
    }

    public static final class Mse implements Loss {
        @Override
        public String id() {
            return "test-mse";
        }

        @Override
        public SDVariable define(LossGraph g) {
            return g.sameDiff().mean(g.sameDiff().math().square(g.prediction().sub(g.observation())));
        }
    }

    /** PSNR of the output against the ground truth. */
    public static final class PsnrGt implements Metric {
        @Override
        public String id() {
            return "test-psnr";
        }

        @Override
        public OptionalDouble evaluate(MetricInputs in) {
            Image gt = in.groundTruth();
            if (gt == null) {
                return OptionalDouble.empty();
            }
            double sum = 0;
            double[] a = gt.toArray();
            double[] b = in.output().toArray();
            for (int i = 0; i < a.length; i++) {
                sum += (a[i] - b[i]) * (a[i] - b[i]);
            }
            return OptionalDouble.of(10 * Math.log10(a.length / sum));
        }
    }
}
