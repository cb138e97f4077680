package org.dip4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.junit.jupiter.api.Test;

class PsnrTests {
    private static final double EXACT = 1e-9;

    private final Image p = UnitVectors.p();
    private final Image q = UnitVectors.q();
    private final Image m = UnitVectors.m();
    private final Image everywhere = Image.filled(1, 16, 16, 1.0);

    @Test
    void wholeImagePsnrMatchesScikitImageOnTheUnitVectors() {
        assertThat(Psnr.psnr(p, q)).isCloseTo(Golden.value("unit_vectors/metrics/psnr"), within(EXACT));
    }

    @Test
    void maskedPsnrMatchesTheGoldenFormulaOnTheUnitVectors() {
        assertThat(Psnr.masked(p, q, m)).isCloseTo(Golden.value("unit_vectors/metrics/psnr_masked_M"), within(EXACT));
    }

    @Test
    void coarsePsnrOverAllPixelsMatchesTheGoldenValue() {
        assertThat(Psnr.coarse(p, q, everywhere, 4))
                .isCloseTo(Golden.value("unit_vectors/metrics/psnr_coarse4_all"), within(EXACT));
    }

    @Test
    void coarsePsnrOverTheMaskMatchesTheGoldenValue() {
        assertThat(Psnr.coarse(p, q, m, 4))
                .isCloseTo(Golden.value("unit_vectors/metrics/psnr_coarse4_M"), within(EXACT));
    }

    @Test
    void identicalImagesHaveInfinitePsnrInEveryVariant() {
        assertThat(Psnr.psnr(p, p)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Psnr.masked(p, p, m)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Psnr.coarse(p, p, m, 4)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Psnr.yChannel(p, p, 4, 5)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void psnrIsTenLog10OfTheInverseMse() {
        Image a = Image.filled(3, 4, 4, 0.5);
        Image b = Image.filled(3, 4, 4, 0.6);
        // MSE = 0.01 → 20 dB.
        assertThat(Psnr.psnr(a, b)).isCloseTo(20.0, within(1e-12));
        assertThat(Psnr.fromMse(0.01)).isCloseTo(20.0, within(1e-12));
        assertThat(Psnr.fromMse(0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void differentShapesAreRejectedNamingBoth() {
        Image small = Image.filled(3, 8, 16, 0.0);
        assertThatThrownBy(() -> Psnr.psnr(p, small))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×16×16")
                .hasMessageContaining("3×8×16");
        assertThatThrownBy(() -> Psnr.masked(p, small, m)).hasMessageContaining("3×8×16");
        assertThatThrownBy(() -> Psnr.coarse(p, small, m, 4)).hasMessageContaining("3×8×16");
        assertThatThrownBy(() -> Psnr.yChannel(p, small, 4, 5)).hasMessageContaining("3×8×16");
    }

    @Test
    void aRegionOfAnotherSizeIsRejected() {
        assertThatThrownBy(() -> Psnr.masked(p, q, Image.filled(1, 8, 8, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1×8×8");
        assertThatThrownBy(() -> Psnr.masked(p, q, Image.filled(3, 16, 16, 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskedOverEveryPixelIsThePlainPsnr() {
        assertThat(Psnr.masked(p, q, everywhere)).isCloseTo(Psnr.psnr(p, q), within(1e-12));
    }

    @Test
    void maskedIgnoresDifferencesOutsideTheRegion() {
        Image changedOutside = Image.generate(3, 16, 16, (c, y, x) -> m.get(0, y, x) > 0.5 ? q.get(c, y, x) : 0.0);
        assertThat(Psnr.masked(p, changedOutside, m)).isEqualTo(Psnr.masked(p, q, m));
    }

    @Test
    void anEmptyRegionGivesNaN() {
        Image nowhere = Image.filled(1, 16, 16, 0.0);
        assertThat(Psnr.masked(p, q, nowhere)).isNaN();
        assertThat(Psnr.coarse(p, q, nowhere, 4)).isNaN();
    }

    @Test
    void coarseKeepsOnlyBlocksMoreThanHalfInTheRegion() {
        // Region covering exactly 8 of each 4×4 block's 16 pixels (the top two rows): no block counts.
        Image half = Image.generate(1, 16, 16, (c, y, x) -> y % 4 < 2 ? 1.0 : 0.0);
        assertThat(Psnr.coarse(p, q, half, 4)).isNaN();
        // 9 of 16 pixels: every block counts, as if the region were everywhere.
        Image nine = Image.generate(1, 16, 16, (c, y, x) -> y % 4 < 2 || (y % 4 == 2 && x % 4 == 0) ? 1.0 : 0.0);
        assertThat(Psnr.coarse(p, q, nine, 4)).isEqualTo(Psnr.coarse(p, q, everywhere, 4));
    }

    @Test
    void coarseWithFactorOneIsTheMaskedPsnr() {
        assertThat(Psnr.coarse(p, q, m, 1)).isCloseTo(Psnr.masked(p, q, m), within(1e-12));
    }

    @Test
    void coarseDropsTheRowsAndColumnsBeyondAMultipleOfTheFactor() {
        // 18×19 images whose top-left 16×16 are P and Q; the extra rows and columns differ wildly.
        Image a = Image.generate(3, 18, 19, (c, y, x) -> y < 16 && x < 16 ? p.get(c, y, x) : 1.0);
        Image b = Image.generate(3, 18, 19, (c, y, x) -> y < 16 && x < 16 ? q.get(c, y, x) : 0.0);
        Image region = Image.filled(1, 18, 19, 1.0);
        assertThat(Psnr.coarse(a, b, region, 4)).isEqualTo(Psnr.coarse(p, q, everywhere, 4));
    }

    @Test
    void yChannelIgnoresTheCroppedBorders() {
        // Replace the 4 leading and 5 trailing rows and columns of Q: the Y PSNR must not change.
        Image framed = Image.generate(3, 16, 16,
                (c, y, x) -> y < 4 || x < 4 || y >= 11 || x >= 11 ? 1.0 - q.get(c, y, x) : q.get(c, y, x));
        assertThat(Psnr.yChannel(p, framed, 4, 5)).isEqualTo(Psnr.yChannel(p, q, 4, 5));
        assertThat(Psnr.yChannel(p, framed, 3, 5)).isNotEqualTo(Psnr.yChannel(p, q, 3, 5));
        assertThat(Psnr.yChannel(p, framed, 4, 4)).isNotEqualTo(Psnr.yChannel(p, q, 4, 4));
    }

    @Test
    void yChannelComparesStudioRangeLuma() {
        // A pure-green error of d changes Y by 0.587·d and the studio luma by 0.587·d·219/255.
        Image a = Image.filled(3, 10, 10, 0.5);
        Image b = Image.generate(3, 10, 10, (c, y, x) -> c == 1 ? 0.6 : 0.5);
        double dy = 0.587 * 0.1 * 219 / 255;
        assertThat(Psnr.yChannel(a, b, 0, 0)).isCloseTo(Psnr.fromMse(dy * dy), within(1e-9));
    }

    @Test
    void yChannelNeedsRgbAndRoomLeftAfterTheBorders() {
        Image grey = Image.filled(1, 16, 16, 0.5);
        assertThatThrownBy(() -> Psnr.yChannel(grey, grey, 4, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Psnr.yChannel(p, q, 8, 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
