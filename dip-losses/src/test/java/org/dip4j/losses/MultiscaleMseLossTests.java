package org.dip4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MultiscaleMseLossTests {
    private final SplittableRandom random = new SplittableRandom(23);
    private final INDArray prediction = LossHarness.uniform(random, 3, 16, 16);
    private final INDArray observation = LossHarness.uniform(random, 3, 16, 16);
    private final INDArray mask = LossHarness.mask(random, 16, 16, 0.3);
    private final Config defaults = LossHarness.settingsOf("multiscale-mse");

    private static LossHarness harness(INDArray pred, INDArray obs, INDArray m, Config settings) {
        return new LossHarness(new MultiscaleMseLoss(), pred, obs, m, settings);
    }

    private static Config settings(String hocon) {
        return ConfigFactory.parseString(hocon);
    }

    @Test
    void defaultsAreTheSeedReportsScalesAndWeights() {
        assertThat(defaults.getIntList("scales")).containsExactly(1, 2, 4);
        assertThat(defaults.getDoubleList("weights")).containsExactly(1.0, 0.5, 0.25);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        harness(prediction, observation, mask, defaults).assertGradientMatchesFiniteDifferences(48, 2);
    }

    @Test
    void gradientMatchesFiniteDifferencesWithoutMaskAndWithUnevenSize() {
        INDArray p = LossHarness.uniform(random, 3, 18, 13);
        INDArray o = LossHarness.uniform(random, 3, 18, 13);
        harness(p, o, null, defaults).assertGradientMatchesFiniteDifferences(24, 3);
    }

    @Test
    void valueMatchesPlainJavaFormula() {
        double expected = PlainMultiscale.value(prediction, observation, mask, List.of(1, 2, 4),
                List.of(1.0, 0.5, 0.25));
        assertThat(harness(prediction, observation, mask, defaults).value()).isCloseTo(expected, within(1e-13));
    }

    @Test
    void sizesThatAreNotMultiplesLeaveOutTheLastRowsAndColumns() {
        INDArray p = LossHarness.uniform(random, 3, 18, 13);
        INDArray o = LossHarness.uniform(random, 3, 18, 13);
        INDArray m = LossHarness.mask(random, 18, 13, 0.3);
        double expected = PlainMultiscale.value(p, o, m, List.of(1, 2, 4), List.of(1.0, 0.5, 0.25));
        assertThat(harness(p, o, m, defaults).value()).isCloseTo(expected, within(1e-13));
    }

    @Test
    void withoutMaskEveryPixelIsKnown() {
        INDArray ones = Nd4j.onesLike(mask);
        double expected = harness(prediction, observation, ones, defaults).value();
        assertThat(harness(prediction, observation, null, defaults).value()).isCloseTo(expected, within(1e-14));
    }

    @Test
    void separatePoolingIsTheReportsFormulaWithTheMaskedImage() {
        Config separate = settings("pooling = separate").withFallback(defaults);
        double expected = PlainMultiscale.value(prediction, observation, mask, List.of(1, 2, 4),
                List.of(1.0, 0.5, 0.25), true);
        assertThat(harness(prediction, observation, mask, separate).value()).isCloseTo(expected, within(1e-13))
                .isNotCloseTo(harness(prediction, observation, mask, defaults).value(), within(1e-6));
        harness(prediction, observation, mask, separate).assertGradientMatchesFiniteDifferences(48, 2);
        INDArray p = LossHarness.uniform(random, 3, 18, 13);
        INDArray o = LossHarness.uniform(random, 3, 18, 13);
        INDArray m = LossHarness.mask(random, 18, 13, 0.3);
        assertThat(harness(p, o, m, separate).value()).isCloseTo(
                PlainMultiscale.value(p, o, m, List.of(1, 2, 4), List.of(1.0, 0.5, 0.25), true), within(1e-13));
        harness(p, o, m, separate).assertGradientMatchesFiniteDifferences(24, 3);
    }

    @Test
    void separatePoolingNeverSeesTheHiddenObservationButDoesSeeTheHiddenOutput() {
        Config separate = settings("pooling = separate").withFallback(defaults);
        double before = harness(prediction, observation, mask, separate).value();
        INDArray otherObservation = observation.dup();
        INDArray otherPrediction = prediction.dup();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (mask.getDouble(0, 0, y, x) == 0) {
                    for (int c = 0; c < 3; c++) {
                        otherObservation.putScalar(new long[] {0, c, y, x}, 5.0);
                        otherPrediction.putScalar(new long[] {0, c, y, x}, -3.0);
                    }
                }
            }
        }
        assertThat(harness(prediction, otherObservation, mask, separate).value()).isCloseTo(before, within(1e-14));
        assertThat(harness(otherPrediction, observation, mask, separate).value()).isGreaterThan(before + 1e-3);
    }

    @Test
    void anUnknownPoolingNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> harness(prediction, observation, mask,
                settings("pooling = pooled").withFallback(defaults)).value())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.losses.multiscale-mse.pooling")
                .hasMessageContaining("masked-residual or separate");
    }

    @Test
    void isZeroWhenPredictionEqualsObservation() {
        assertThat(harness(observation, observation, mask, defaults).value()).isZero();
    }

    @Test
    void missingPixelsDoNotAffectTheValue() {
        double before = harness(prediction, observation, mask, defaults).value();
        INDArray otherObservation = observation.dup();
        INDArray otherPrediction = prediction.dup();
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                if (mask.getDouble(0, 0, y, x) == 0) {
                    for (int c = 0; c < 3; c++) {
                        otherObservation.putScalar(new long[] {0, c, y, x}, 5.0);
                        otherPrediction.putScalar(new long[] {0, c, y, x}, -3.0);
                    }
                }
            }
        }
        assertThat(harness(otherPrediction, otherObservation, mask, defaults).value())
                .isCloseTo(before, within(1e-14));
    }

    @Test
    void singleFullScaleEqualsMaskedMseNormalisedByKnownCount() {
        double maskedMse = new LossHarness(new MaskedMseLoss(), prediction, observation, mask,
                LossHarness.settingsOf("masked-mse")).value();
        double known = mask.sumNumber().doubleValue();
        double single = harness(prediction, observation, mask, settings("scales = [1], weights = [1.0]")).value();
        assertThat(single).isCloseTo(maskedMse * (16 * 16) / known, within(1e-14));
    }

    @Test
    void weightsScaleTheirTerms() {
        double coarse = harness(prediction, observation, mask, settings("scales = [4], weights = [1.0]")).value();
        double weighted = harness(prediction, observation, mask, settings("scales = [4], weights = [0.25]")).value();
        assertThat(weighted).isCloseTo(0.25 * coarse, within(1e-15));
        assertThat(coarse).isPositive();
    }

    @Test
    void unequalListsNameTheWeightsKey() {
        assertThatThrownBy(() -> harness(prediction, observation, mask,
                settings("scales = [1, 2], weights = [1.0]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.losses.multiscale-mse.weights");
    }

    @Test
    void nonPositiveScaleIsRejected() {
        assertThatThrownBy(() -> harness(prediction, observation, mask,
                settings("scales = [1, 0], weights = [1.0, 0.5]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.losses.multiscale-mse.scales");
    }

    @Test
    void scaleLargerThanTheImageIsRejected() {
        assertThatThrownBy(() -> harness(prediction, observation, mask,
                settings("scales = [1, 32], weights = [1.0, 0.5]")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32")
                .hasMessageContaining("16×16");
    }

    @Test
    void bothLossesAreRegistered() {
        PluginRegistry registry = PluginRegistry.load();
        assertThat(registry.get(Loss.class, "masked-mse")).isInstanceOf(MaskedMseLoss.class);
        assertThat(registry.get(Loss.class, "multiscale-mse")).isInstanceOf(MultiscaleMseLoss.class);
    }
}
