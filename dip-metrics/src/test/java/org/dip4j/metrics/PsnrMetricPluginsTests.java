package org.dip4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Map;
import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PsnrMetricPluginsTests {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    // Five different 16×16 images, so a plugin comparing the wrong pair gives another value.
    private static final Image GROUND_TRUTH = UnitVectors.p();
    private static final Image OUTPUT = UnitVectors.q();
    private static final Image SMOOTHED = shifted(OUTPUT, 0.05);
    private static final Image PREDICTION = shifted(OUTPUT, -0.1);
    private static final Image OBSERVATION = shifted(GROUND_TRUTH, 0.2);
    /** Known-pixel mask: the golden region M is what is missing. */
    private static final Image KNOWN = UnitVectors.m().map(v -> 1 - v);

    @ParameterizedTest
    @ValueSource(strings = {"psnr_noisy", "psnr_lr", "psnr_gt", "psnr_hr", "psnr", "psnr_gt_sm", "psnr_masked",
            "psnr_coarse", "psnr_y"})
    void isFoundByIdWithDefaultsAndGivesInfinityOnIdenticalImages(String id) {
        Metric metric = REGISTRY.get(Metric.class, id);
        assertThat(metric.id()).isEqualTo(id);
        assertThat(metric.higherIsBetter()).isTrue();
        Image same = UnitVectors.p();
        MetricInputs inputs = new MetricInputs(same, same, same, same, same, KNOWN, Map.of(), defaults(id));
        assertThat(metric.evaluate(inputs)).hasValue(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"psnr_gt", "psnr_hr", "psnr", "psnr_gt_sm", "psnr_masked", "psnr_coarse", "psnr_y"})
    void isEmptyWithoutGroundTruth(String id) {
        assertThat(evaluate(id, null, KNOWN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"psnr_masked", "psnr_coarse"})
    void isEmptyWithoutMaskOrWithoutMissingPixels(String id) {
        assertThat(evaluate(id, GROUND_TRUTH, null)).isEmpty();
        assertThat(evaluate(id, GROUND_TRUTH, Image.filled(1, 16, 16, 1.0))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"psnr_noisy", "psnr_lr"})
    void needsNeitherGroundTruthNorMask(String id) {
        assertThat(evaluate(id, null, null)).hasValue(Psnr.psnr(OBSERVATION, PREDICTION));
    }

    @Test
    void eachPluginComparesItsOwnPairOfImages() {
        assertThat(evaluate("psnr_noisy", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(OBSERVATION, PREDICTION));
        assertThat(evaluate("psnr_lr", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(OBSERVATION, PREDICTION));
        assertThat(evaluate("psnr_gt", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(GROUND_TRUTH, OUTPUT));
        assertThat(evaluate("psnr_hr", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(GROUND_TRUTH, OUTPUT));
        assertThat(evaluate("psnr", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(GROUND_TRUTH, OUTPUT));
        assertThat(evaluate("psnr_gt_sm", GROUND_TRUTH, KNOWN)).hasValue(Psnr.psnr(GROUND_TRUTH, SMOOTHED));
        assertThat(evaluate("psnr_y", GROUND_TRUTH, KNOWN)).hasValue(Psnr.yChannel(GROUND_TRUTH, OUTPUT, 4, 5));
    }

    @Test
    void maskedAndCoarseMeasureTheMissingRegion() {
        // Ground truth P, output Q, missing region M: the golden unit-vector values.
        assertThat(evaluate("psnr_masked", GROUND_TRUTH, KNOWN).getAsDouble())
                .isCloseTo(Golden.value("unit_vectors/metrics/psnr_masked_M"), within(1e-9));
        assertThat(evaluate("psnr_coarse", GROUND_TRUTH, KNOWN).getAsDouble())
                .isCloseTo(Golden.value("unit_vectors/metrics/psnr_coarse4_M"), within(1e-9));
    }

    @Test
    void coarseAndYReadTheirSettings() {
        Config factor2 = defaults("psnr_coarse").withValue("factor", ConfigValueFactory.fromAnyRef(2));
        assertThat(REGISTRY.get(Metric.class, "psnr_coarse").evaluate(inputs(GROUND_TRUTH, KNOWN, factor2)))
                .hasValue(Psnr.coarse(GROUND_TRUTH, OUTPUT, UnitVectors.m(), 2));
        Config noCrop = defaults("psnr_y")
                .withValue("border-top-left", ConfigValueFactory.fromAnyRef(0))
                .withValue("border-bottom-right", ConfigValueFactory.fromAnyRef(0));
        assertThat(REGISTRY.get(Metric.class, "psnr_y").evaluate(inputs(GROUND_TRUTH, KNOWN, noCrop)))
                .hasValue(Psnr.yChannel(GROUND_TRUTH, OUTPUT, 0, 0));
    }

    private static OptionalDouble evaluate(String id, @Nullable Image groundTruth, @Nullable Image mask) {
        return REGISTRY.get(Metric.class, id).evaluate(inputs(groundTruth, mask, defaults(id)));
    }

    private static MetricInputs inputs(@Nullable Image groundTruth, @Nullable Image mask, Config settings) {
        return new MetricInputs(OUTPUT, SMOOTHED, PREDICTION, OBSERVATION, groundTruth, mask, Map.of(), settings);
    }

    /** The metric's subtree of the reference.conf files on the class path, as the engine passes it. */
    private static Config defaults(String id) {
        return ConfigFactory.defaultReference().getConfig("dip.metrics." + id);
    }

    private static Image shifted(Image image, double by) {
        return image.map(v -> Math.min(1, Math.max(0, v + by)));
    }
}
