package org.dip4j.metrics.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.dip4j.metrics.Ssim;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.junit.jupiter.api.Test;

class BlendMetricsTests {
    private static final int H = 32;
    private static final int W = 48;
    private static final Image FG = Image.generate(3, H, W, (c, y, x) -> 0.5 + 0.4 * Math.sin(0.7 * x + 0.3 * y + c));
    private static final Image BG = Image.generate(3, H, W, (c, y, x) -> 0.5 + 0.3 * Math.cos(0.4 * y - 0.9 * x + c));
    private static final Image LEFT_HALF = Image.generate(1, H, W, (c, y, x) -> x < W / 2 ? 1 : 0);
    private static final Image HARD = Image.generate(3, H, W, (c, y, x) -> x < W / 2 ? FG.get(c, y, x) : BG.get(c, y, x));
    private static final BlendMetricOptions CENTRAL = new BlendMetricOptions(GradientOperator.CENTRAL, 0.01,
            new TransitionRegion(5.0, 0.05, 0.95), 2.0, Ssim.Variant.WANG_GAUSSIAN);

    @Test
    void transitionRegionIsASymmetricBandAroundTheMaskEdge() {
        boolean[] band = new TransitionRegion(5.0, 0.05, 0.95).pixels(LEFT_HALF, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(band[y * W + x]).isEqualTo(band[x]);
                assertThat(band[x]).as("column %d mirrors %d", x, W - 1 - x).isEqualTo(band[W - 1 - x]);
            }
        }
        assertThat(band[W / 2 - 1]).isTrue();
        assertThat(band[W / 2]).isTrue();
        assertThat(band[0]).isFalse();
        // Gaussian sigma 5: alpha crosses 0.05 about 1.645 sigma from the edge, so columns 16..31.
        int count = 0;
        for (int x = 0; x < W; x++) {
            count += band[x] ? 1 : 0;
        }
        assertThat(count).isEqualTo(16);
    }

    @Test
    void transitionRegionUsesAGivenSoftMap() {
        Image alpha = Image.generate(1, H, W, (c, y, x) -> x / (double) (W - 1));
        boolean[] band = new TransitionRegion(5.0, 0.25, 0.75).pixels(LEFT_HALF, alpha);
        for (int x = 0; x < W; x++) {
            double a = x / (double) (W - 1);
            assertThat(band[x]).isEqualTo(a > 0.25 && a < 0.75);
        }
        assertThatThrownBy(() -> new TransitionRegion(5.0, 0.9, 0.1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void gffIsOneWhenTheBlendEqualsIdenticalSources() {
        assertThat(BlendMetrics.gff(FG, FG, FG, LEFT_HALF)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void gffOfTheHardCompositeBeatsAFlatImage() {
        Image flat = Image.filled(3, H, W, 0.5);
        double hard = BlendMetrics.gff(HARD, FG, BG, LEFT_HALF);
        double none = BlendMetrics.gff(flat, FG, BG, LEFT_HALF);
        assertThat(hard).isBetween(0.0, 1.0).isGreaterThan(0.5);
        assertThat(none).isLessThan(0.01);
    }

    @Test
    void gfpOnARampMatchesItsClosedForm() {
        // f = a·x: central differences give a inside and a/2 at the two border columns (edge replicated).
        double a = 0.01;
        Image ramp = Image.generate(1, 8, 10, (c, y, x) -> a * x);
        Image steeper = ramp.map(v -> 2 * v);
        double eps = CENTRAL.epsilon();
        double expected = (8 * (2 * a / (a + eps)) + 2 * (a / (a / 2 + eps))) / 10;
        assertThat(BlendMetrics.gfp(steeper, ramp, ramp, CENTRAL)).isCloseTo(expected, within(1e-12));
        assertThat(BlendMetrics.gfp(Image.filled(1, 8, 10, 0.3), ramp, ramp, CENTRAL)).isZero();
    }

    @Test
    void bsiOfAFlatImageIsOneOverEpsilon() {
        Image flat = Image.filled(3, H, W, 0.4);
        assertThat(BlendMetrics.bsi(flat, LEFT_HALF)).isCloseTo(1 / 0.01, within(1e-9));
        assertThat(BlendMetrics.bsi(HARD, LEFT_HALF)).isLessThan(1 / 0.01);
    }

    @Test
    void ssimMaskedIsOneForTheBackgroundAndLowerForTheForeground() {
        assertThat(BlendMetrics.ssimMasked(BG, BG, LEFT_HALF)).isCloseTo(1.0, within(1e-12));
        assertThat(BlendMetrics.ssimMasked(HARD, BG, LEFT_HALF)).isLessThan(0.9);
    }

    @Test
    void ssimMaskedIsTheMeanOfTheMapOverTheBand() {
        boolean[] band = CENTRAL.transition().pixels(LEFT_HALF, null);
        Image map = Ssim.map(HARD, BG, Ssim.Variant.WANG_GAUSSIAN);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < band.length; i++) {
            if (band[i]) {
                sum += (map.get(0, i / W, i % W) + map.get(1, i / W, i % W) + map.get(2, i / W, i % W)) / 3;
                n++;
            }
        }
        assertThat(BlendMetrics.ssimMasked(HARD, BG, LEFT_HALF, null, CENTRAL)).isCloseTo(sum / n, within(1e-12));
    }

    @Test
    void anEmptyTransitionRegionGivesNaNAndAnEmptyMetric() {
        Image none = Image.filled(1, H, W, 0);
        assertThat(BlendMetrics.gff(HARD, FG, BG, none)).isNaN();
        MetricInputs in = inputs(HARD, Map.of("fg", FG, "bg", BG, "mask", none));
        assertThat(new GffMetric().evaluate(in)).isEmpty();
    }

    @Test
    void pluginsReadTheAuxiliaryImagesAndAreEmptyWithoutThem() {
        MetricInputs in = inputs(HARD, Map.of("fg", FG, "bg", BG, "mask", LEFT_HALF));
        assertThat(new GffMetric().evaluate(in)).hasValue(BlendMetrics.gff(HARD, FG, BG, LEFT_HALF));
        assertThat(new GfpMetric().evaluate(in)).hasValue(BlendMetrics.gfp(HARD, FG, BG));
        assertThat(new BsiMetric().evaluate(in)).hasValue(BlendMetrics.bsi(HARD, LEFT_HALF));
        assertThat(new SsimMaskedMetric().evaluate(in)).hasValue(BlendMetrics.ssimMasked(HARD, BG, LEFT_HALF));
        MetricInputs noAux = inputs(HARD, Map.of("fg", FG, "bg", BG));
        for (Metric m : new Metric[] {new GffMetric(), new GfpMetric(), new BsiMetric(), new SsimMaskedMetric()}) {
            assertThat(m.evaluate(noAux)).as(m.id()).isEqualTo(OptionalDouble.empty());
        }
    }

    @Test
    void pluginsUseTheSoftMapAndSettingsTheyAreGiven() {
        Image alpha = Image.generate(1, H, W, (c, y, x) -> 1 - x / (double) (W - 1));
        MetricInputs withAlpha = inputs(HARD, Map.of("fg", FG, "bg", BG, "mask", LEFT_HALF, "alpha", alpha));
        double expected = BlendMetrics.bsi(HARD, LEFT_HALF, alpha, BlendMetricOptions.defaults("bsi"));
        assertThat(new BsiMetric().evaluate(withAlpha)).hasValue(expected);
        assertThat(expected).isNotEqualTo(BlendMetrics.bsi(HARD, LEFT_HALF));

        MetricInputs central = inputs(HARD, Map.of("fg", FG, "bg", BG, "mask", LEFT_HALF))
                .withSettings(ConfigFactory.parseString("gradient = central"));
        assertThat(new GfpMetric().evaluate(central))
                .hasValue(BlendMetrics.gfp(HARD, FG, BG, BlendMetricOptions.from(central.settings(), "gfp")));
        assertThat(BlendMetricOptions.from(central.settings(), "gfp").gradient()).isEqualTo(GradientOperator.CENTRAL);
    }

    @Test
    void defaultsComeFromReferenceConf() {
        BlendMetricOptions gff = BlendMetricOptions.defaults("gff");
        assertThat(gff.gradient()).isEqualTo(GradientOperator.SOBEL);
        assertThat(gff.epsilon()).isEqualTo(0.01);
        assertThat(gff.transition()).isEqualTo(new TransitionRegion(5.0, 0.05, 0.95));
        assertThat(BlendMetricOptions.defaults("bsi").smoothingSigma()).isEqualTo(2.0);
    }

    @Test
    void allMetricPluginsAreRegistered() {
        var ids = ServiceLoader.load(Metric.class).stream().map(p -> p.get().id()).collect(Collectors.toSet());
        assertThat(ids).contains("ssim", "gff", "gfp", "bsi", "ssim_masked");
    }

    private static MetricInputs inputs(Image output, Map<String, Image> aux) {
        return new MetricInputs(output, output, output, output, null, null, aux, ConfigFactory.empty());
    }

    @Test
    void psnrBgIsThePsnrAgainstTheBackgroundOutsideTheBandAndTheMask() {
        // α rises from 0 at the right edge to 1 at the left: Ω_T = 0.05 < α < 0.95.
        Image alpha = Image.generate(1, H, W, (c, y, x) -> (W - 1 - x) / (double) (W - 1));
        BlendMetricOptions o = BlendMetricOptions.defaults("psnr_bg");
        // 0.1 off the background where α ≤ 0.05 and the mask is 0; anything at all elsewhere.
        Image fused = Image.generate(3, H, W, (c, y, x) -> (W - 1 - x) / (double) (W - 1) <= 0.05 && x >= W / 2
                ? BG.get(c, y, x) + 0.1 : FG.get(c, y, x) * 0.3);
        // MSE 0.01 on every counted sample: 10·log10(1/0.01) = 20 dB.
        assertThat(BlendMetrics.psnrBackground(fused, BG, LEFT_HALF, alpha, o)).isCloseTo(20.0, within(1e-9));

        Image untouched = Image.generate(3, H, W, (c, y, x) -> (W - 1 - x) / (double) (W - 1) <= 0.05
                ? BG.get(c, y, x) : 1 - BG.get(c, y, x));
        assertThat(BlendMetrics.psnrBackground(untouched, BG, LEFT_HALF, alpha, o)).isEqualTo(Double.POSITIVE_INFINITY);
        // Without α the band comes from the mask (Gaussian σ 5): the hard composite keeps B to the right of it.
        assertThat(BlendMetrics.psnrBackground(HARD, BG, LEFT_HALF)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(BlendMetrics.psnrBackground(FG, BG, LEFT_HALF)).isFinite();
    }

    @Test
    void psnrBgPluginScoresThePredictionTheBlend() {
        Image offBy = BG.map(v -> v + 0.05);
        MetricInputs in = new MetricInputs(FG, FG, offBy, BG, null, null,
                Map.of("fg", FG, "bg", BG, "mask", LEFT_HALF), ConfigFactory.empty());
        OptionalDouble v = new PsnrBackgroundMetric().evaluate(in);
        assertThat(v).isPresent();
        assertThat(v.getAsDouble()).isCloseTo(10 * Math.log10(1 / 0.0025), within(1e-6));
        assertThat(ServiceLoader.load(Metric.class).stream().map(p -> p.get().id()).collect(Collectors.toSet()))
                .contains("psnr_bg");
    }
}
