package org.dip4j.metrics;

import java.util.Map;
import org.dip4j.api.Image;
import org.dip4j.metrics.blend.BsiMetric;
import org.dip4j.metrics.blend.GffMetric;
import org.dip4j.metrics.blend.GfpMetric;
import org.dip4j.metrics.blend.PsnrBackgroundMetric;
import org.dip4j.metrics.blend.SsimMaskedMetric;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.dip4j.testkit.MetricContractTests;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;

/** Every metric of this module passes the plugin contract of dip-testkit. */
class MetricContractsTests {
    /** A PSNR: +∞ for equal images. */
    abstract static class PsnrContract extends MetricContractTests {
        @Override
        protected double bestValue() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** A PSNR against the observation, which is always there: nothing can be missing. */
    abstract static class ObservationPsnrContract extends PsnrContract {
        @Override
        protected @Nullable MetricInputs incompleteInputs(Image reference, Image candidate) {
            return null;
        }
    }

    @Nested
    class PsnrNoisy extends ObservationPsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrNoisyMetric();
        }
    }

    @Nested
    class PsnrLr extends ObservationPsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrLrMetric();
        }
    }

    @Nested
    class PsnrGt extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrGtMetric();
        }
    }

    @Nested
    class PsnrHr extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrHrMetric();
        }
    }

    @Nested
    class PsnrWholeImage extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrWholeImageMetric();
        }
    }

    @Nested
    class PsnrGtSmoothed extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrGtSmoothedMetric();
        }
    }

    @Nested
    class PsnrMasked extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrMaskedMetric();
        }
    }

    @Nested
    class PsnrCoarse extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrCoarseMetric();
        }
    }

    @Nested
    class PsnrY extends PsnrContract {
        @Override
        protected Metric metric() {
            return new PsnrYMetric();
        }
    }

    @Nested
    class Ssim extends MetricContractTests {
        @Override
        protected Metric metric() {
            return new SsimMetric();
        }

        @Override
        protected double bestValue() {
            return 1.0;
        }
    }

    /**
     * The blending metrics read the fused output and the auxiliaries fg, bg and mask (a centred
     * square of foreground); the reference plays the background.
     */
    abstract static class BlendContract extends MetricContractTests {
        @Override
        protected MetricInputs inputs(Image reference, Image candidate) {
            int h = reference.height();
            int w = reference.width();
            Image mask = Image.generate(1, h, w, (c, y, x) -> y >= h / 4 && y < 3 * h / 4 && x >= w / 4
                    && x < 3 * w / 4 ? 1.0 : 0.0);
            Image fg = reference.map(v -> 1 - v);
            return new MetricInputs(candidate, candidate, candidate, reference, null, null,
                    Map.of("fg", fg, "bg", reference, "mask", mask), settings());
        }
    }

    @Nested
    class SsimMasked extends BlendContract {
        @Override
        protected Metric metric() {
            return new SsimMaskedMetric();
        }

        @Override
        protected double bestValue() {
            return 1.0;
        }
    }

    @Nested
    class PsnrBackground extends BlendContract {
        @Override
        protected Metric metric() {
            return new PsnrBackgroundMetric();
        }

        @Override
        protected double bestValue() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Gradient fusion measures compare with both sources: no candidate is "equal". */
    abstract static class FusionContract extends BlendContract {
        @Override
        protected boolean hasIdentity() {
            return false;
        }
    }

    @Nested
    class Gff extends FusionContract {
        @Override
        protected Metric metric() {
            return new GffMetric();
        }
    }

    @Nested
    class Gfp extends FusionContract {
        @Override
        protected Metric metric() {
            return new GfpMetric();
        }
    }

    @Nested
    class Bsi extends FusionContract {
        @Override
        protected Metric metric() {
            return new BsiMetric();
        }
    }
}
