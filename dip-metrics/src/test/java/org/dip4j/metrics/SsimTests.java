package org.dip4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.dip4j.metrics.Ssim.Variant;
import org.junit.jupiter.api.Test;

class SsimTests {
    // golden.json: ssim/F16_vs_noisy_s25_png/{default_uniform7,wang_gaussian}, scikit-image 0.19.3.
    private static final double F16_DEFAULT = 0.29172754083462166;
    private static final double F16_WANG = 0.271227246296072;

    @Test
    void matchesScikitImageDefaultOnTheUnitVectors() {
        assertThat(Ssim.compute(TestImages.unitP(), TestImages.unitQ(), Variant.DEFAULT_UNIFORM7))
                .isCloseTo(0.4415051675909792, within(1e-12));
    }

    @Test
    void matchesScikitImageWangSettingsOnTheUnitVectors() {
        assertThat(Ssim.compute(TestImages.unitP(), TestImages.unitQ(), Variant.WANG_GAUSSIAN))
                .isCloseTo(0.4468662116869457, within(1e-12));
    }

    @Test
    void matchesScikitImageOnF16AgainstItsNoisyPng() {
        Image clean = TestImages.rgb("denoising/F16_GT.png");
        Image noisy = TestImages.rgb("denoising/F16_noisy_s25_seed0.png");
        assertThat(Ssim.compute(clean, noisy, Variant.DEFAULT_UNIFORM7)).isCloseTo(F16_DEFAULT, within(1e-9));
        assertThat(Ssim.compute(clean, noisy, Variant.WANG_GAUSSIAN)).isCloseTo(F16_WANG, within(1e-9));
    }

    @Test
    void isOneForIdenticalImagesAndSymmetric() {
        Image p = TestImages.unitP();
        Image q = TestImages.unitQ();
        for (Variant v : Variant.values()) {
            assertThat(Ssim.compute(p, p, v)).isCloseTo(1.0, within(1e-15));
            assertThat(Ssim.compute(q, p, v)).isCloseTo(Ssim.compute(p, q, v), within(1e-15));
        }
    }

    @Test
    void meanOfTheCroppedMapIsTheScore() {
        Image p = TestImages.unitP();
        Image q = TestImages.unitQ();
        for (Variant v : Variant.values()) {
            Image map = Ssim.map(p, q, v);
            int r = v.crop();
            double sum = 0;
            int n = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = r; y < 16 - r; y++) {
                    for (int x = r; x < 16 - r; x++) {
                        sum += map.get(c, y, x);
                        n++;
                    }
                }
            }
            assertThat(map.shape()).isEqualTo("3×16×16");
            assertThat(sum / n).isCloseTo(Ssim.compute(p, q, v), within(1e-14));
        }
    }

    @Test
    void variantsHaveTheirWindowRadiusAndConfigNames() {
        assertThat(Variant.DEFAULT_UNIFORM7.crop()).isEqualTo(3);
        assertThat(Variant.WANG_GAUSSIAN.crop()).isEqualTo(5);
        assertThat(Variant.fromConfig("Wang")).isEqualTo(Variant.WANG_GAUSSIAN);
        assertThat(Variant.fromConfig("default")).isEqualTo(Variant.DEFAULT_UNIFORM7);
        assertThatThrownBy(() -> Variant.fromConfig("gauss")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wang");
    }

    @Test
    void rejectsImagesOfDifferentShapesOrSmallerThanTheWindow() {
        assertThatThrownBy(() -> Ssim.compute(TestImages.unitP(), Image.filled(3, 16, 15, 0), Variant.WANG_GAUSSIAN))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Ssim.compute(Image.filled(1, 9, 9, 0), Image.filled(1, 9, 9, 0), Variant.WANG_GAUSSIAN))
                .isInstanceOf(InvalidInputException.class);
    }
}
