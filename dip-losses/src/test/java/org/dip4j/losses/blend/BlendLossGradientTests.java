package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.dip4j.spi.Loss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

class BlendLossGradientTests {
    static Stream<Loss> terms() {
        return Stream.of(new BlendPixelLoss(), new BlendLowFrequencyLoss(), new BlendIlluminationLoss(),
                new BlendGradientLoss(), new BlendDirectionLoss(), new BlendMixLoss(), new BlendAnisotropicLoss());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void analyticGradientMatchesFiniteDifferences(Loss loss) {
        // Small filters so that the 16×16 image has interior pixels; the defaults are for 512².
        BlendFixture fixture = BlendFixture.random(7, 3, 16, 16)
                .with("anneal-power", 2.0);
        if (loss.id().equals("blend-lowfreq")) {
            fixture.with("kernel-size", 5);
        } else if (loss.id().equals("blend-illum")) {
            fixture.with("sigma", 1.5);
        }
        BlendFixture.Built built = fixture.build(loss);

        assertThat(built.value(0.3)).isFinite().isPositive();
        assertThat(GradientCheck.maxRelativeError(built, 0.3, 12, 4, 11)).isLessThan(1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void buildsInFloatAsTheEngineRunsItWithTheSameValue(Loss loss) {
        double inDouble = BlendFixture.random(5, 3, 16, 16).build(loss).value(0.4);
        double inFloat = BlendFixture.random(5, 3, 16, 16).in(DataType.FLOAT).build(loss).value(0.4);

        assertThat(inFloat).isCloseTo(inDouble, within(1e-4 * inDouble));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("terms")
    void defaultSettingsBuildAndGiveAFiniteValue(Loss loss) {
        BlendFixture.Built built = BlendFixture.random(3, 3, 16, 16).build(loss);

        assertThat(built.value(0.0)).isFinite().isPositive();
        assertThat(built.value(1.0)).isFinite().isPositive();
    }
}
