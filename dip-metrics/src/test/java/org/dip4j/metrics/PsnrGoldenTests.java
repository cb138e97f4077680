package org.dip4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PSNR variants against scikit-image and NumPy on the full golden images. The goldens are
 * computed in float64 from the same 8-bit PNGs, so only the summation order differs: 1e-9 dB.
 */
class PsnrGoldenTests {
    private static final double SAME_PNGS = 1e-9;
    /** The project's notes on the reference (not in this repository) give the Y-channel value to three decimals. */
    private static final double THREE_DECIMALS = 5e-4;

    private static Image f16;
    private static Image f16Noisy;
    private static Image kateMask;

    @BeforeAll
    static void readImages() {
        f16 = Golden.rgb("F16_GT.png");
        f16Noisy = Golden.rgb("F16_noisy_s25_seed0.png");
        kateMask = Golden.mask("kate_mask.png");
    }

    @Test
    void f16AgainstItsNoisyPng() {
        assertThat(Psnr.psnr(f16, f16Noisy))
                .isCloseTo(Golden.value("psnr/F16_vs_noisy_s25_png"), within(SAME_PNGS));
    }

    @Test
    void f16AgainstItsNoisyPngOnTheKnownPixelsOfKatesMask() {
        assertThat(Psnr.masked(f16, f16Noisy, kateMask))
                .isCloseTo(Golden.value("psnr_masked/F16_vs_noisy_s25_png/kate_mask_eq_255_known"), within(SAME_PNGS));
    }

    @Test
    void f16AgainstItsNoisyPngInTheHoleOfKatesMask() {
        assertThat(Psnr.masked(f16, f16Noisy, complement(kateMask)))
                .isCloseTo(Golden.value("psnr_masked/F16_vs_noisy_s25_png/kate_mask_eq_0_hole"), within(SAME_PNGS));
    }

    @Test
    void f16AgainstItsNoisyPngMaskedEverywhere() {
        assertThat(Psnr.masked(f16, f16Noisy, everywhere(f16)))
                .isCloseTo(Golden.value("psnr_masked/F16_vs_noisy_s25_png/all_pixels"), within(SAME_PNGS));
    }

    @Test
    void f16AgainstItsNoisyPngCoarse() {
        assertThat(Psnr.coarse(f16, f16Noisy, everywhere(f16), 4))
                .isCloseTo(Golden.value("psnr_coarse4/F16_vs_noisy_s25_png/all_pixels"), within(SAME_PNGS));
        assertThat(Psnr.coarse(f16, f16Noisy, kateMask, 4))
                .isCloseTo(Golden.value("psnr_coarse4/F16_vs_noisy_s25_png/kate_mask_eq_255_known"), within(SAME_PNGS));
        assertThat(Psnr.coarse(f16, f16Noisy, complement(kateMask), 4))
                .isCloseTo(Golden.value("psnr_coarse4/F16_vs_noisy_s25_png/kate_mask_eq_0_hole"), within(SAME_PNGS));
    }

    @Test
    void kateAgainstKateTimesItsMask() {
        checkTimesMask("kate");
    }

    @Test
    void vaseAgainstVaseTimesItsMask() {
        checkTimesMask("vase");
    }

    @Test
    void zebraBicubicBaselineAgainstTheHighResolutionCrop() {
        Image hr = Golden.rgb("zebra_HR_crop32.png");
        Image bicubic = Golden.rgb("zebra_x4_bicubic_up.png");
        assertThat(Psnr.psnr(hr, bicubic))
                .isCloseTo(Golden.value("sr/zebra_x4/bicubic_up_vs_HR"), within(SAME_PNGS));
        assertThat(Psnr.coarse(hr, bicubic, everywhere(hr), 4))
                .isCloseTo(Golden.value("sr/zebra_x4/bicubic_up_vs_HR/coarse4"), within(SAME_PNGS));
        assertThat(Psnr.yChannel(hr, bicubic, 4, 5))
                .isCloseTo(Golden.value("sr/zebra_x4/bicubic_up_vs_HR/psnr_y"), within(THREE_DECIMALS));
    }

    private static void checkTimesMask(String name) {
        Image clean = Golden.rgb(name + ".png");
        Image mask = Golden.mask(name + "_mask.png");
        Image corrupted = clean.multiply(mask);
        String pair = name + "_vs_" + name + "_times_mask";
        assertThat(Psnr.psnr(clean, corrupted))
                .isCloseTo(Golden.value("psnr/" + pair), within(SAME_PNGS));
        assertThat(Psnr.masked(clean, corrupted, complement(mask)))
                .isCloseTo(Golden.value("psnr_masked/" + pair + "/hole_mask_eq_0"), within(SAME_PNGS));
        assertThat(Psnr.coarse(clean, corrupted, everywhere(clean), 4))
                .isCloseTo(Golden.value("psnr_coarse4/" + pair + "/all_pixels"), within(SAME_PNGS));
        // Over the known pixels the two images agree exactly.
        assertThat(Psnr.masked(clean, corrupted, mask)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    private static Image complement(Image mask) {
        return mask.map(v -> 1 - v);
    }

    private static Image everywhere(Image image) {
        return Image.filled(1, image.height(), image.width(), 1.0);
    }
}
