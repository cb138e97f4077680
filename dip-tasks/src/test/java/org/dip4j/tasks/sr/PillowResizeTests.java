package org.dip4j.tasks.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PillowResize} against Pillow 9.4.0's own outputs on the zebra images.
 *
 * <p>Measured: the 22-bit fixed-point emulation reproduces every Pillow output here bit for bit
 * (0 differing samples), and the whole-image PSNRs agree with golden.json to within 4e-12 dB
 * (summation order). The tests therefore demand exact pixels; the PSNR tolerance 1e-9 dB is
 * far below the ~5e-6 dB that a single sample off by one grey level would cause.
 * (Floating-point weights without the fixed-point emulation differ in up to 12 % of samples by
 * up to 2 levels for bilinear, which these tests would catch.)
 */
class PillowResizeTests {
    private static final Image HR = TestImages.read("zebra_HR_crop32.png");

    @ParameterizedTest
    @CsvSource({"4, 144, 96", "8, 72, 48"})
    void lanczosDownscaleOfTheHrCropIsPillowsLrImage(int factor, int width, int height) {
        Image pillow = TestImages.read("zebra_LR_x" + factor + ".png");

        Image lr = PillowResize.resize(HR, width, height, ResampleFilter.LANCZOS);

        assertThat(TestImages.differingSamples(lr, pillow)).isZero();
        assertThat(lr).isEqualTo(pillow);
    }

    @ParameterizedTest(name = "x{0} {1}")
    @CsvSource({
        "4, bicubic, 23.10479503952027",
        "4, nearest, 20.821219109272654",
        "4, bilinear, 22.16872887074004",
        "4, lanczos, 23.557884593373814",
        "8, bicubic, 18.54980339923835",
        "8, nearest, 17.69347828923811",
        "8, bilinear, 18.14471456042369",
        "8, lanczos, 18.70126817754999",
    })
    void upscaleOfTheLrImageHasPillowsPsnrAgainstTheHrCrop(int factor, String method, double goldenPsnr) {
        Image lr = TestImages.read("zebra_LR_x" + factor + ".png");

        Image up = SrBaselines.upsample(lr, factor, method);

        assertThat(up.width()).isEqualTo(576);
        assertThat(up.height()).isEqualTo(384);
        assertThat(TestImages.psnr(HR, up)).isCloseTo(goldenPsnr, within(1e-9));
    }

    @ParameterizedTest(name = "x{0} {1}")
    @CsvSource({"4, bicubic", "4, nearest", "4, bilinear", "4, lanczos",
                "8, bicubic", "8, nearest", "8, bilinear", "8, lanczos"})
    void upscaleEqualsPillowsPixelsInTheStoredCrop(int factor, String method) {
        Image lr = TestImages.read("zebra_LR_x" + factor + ".png");
        Image pillowCrop = TestImages.read("zebra_x" + factor + "_" + method + "_up_crop.png");

        Image crop = SrBaselines.upsample(lr, factor, method).crop(64, 384, 160, 192);

        assertThat(TestImages.maxAbsDifference(crop, pillowCrop)).isZero();
    }

    @Test
    void constantImageStaysConstantUnderEveryFilter() {
        Image grey = Image.filled(3, 20, 30, 77 / 255.0);
        for (ResampleFilter f : ResampleFilter.values()) {
            assertThat(PillowResize.resize(grey, 7, 11, f)).as(f.id()).isEqualTo(Image.filled(3, 11, 7, 77 / 255.0));
            assertThat(PillowResize.resize(grey, 90, 45, f)).as(f.id()).isEqualTo(Image.filled(3, 45, 90, 77 / 255.0));
        }
    }

    @Test
    void sameSizeIsTheIdentity() {
        Image lr = TestImages.read("zebra_LR_x8.png");

        assertThat(PillowResize.resize(lr, lr.width(), lr.height(), ResampleFilter.BICUBIC)).isEqualTo(lr);
    }

    @Test
    void nearestPicksTheSourcePixelUnderTheOutputPixelCentre() {
        assertThat(PillowResize.nearestIndices(2, 8)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(PillowResize.nearestIndices(8, 2)).containsExactly(2, 6);
        assertThat(PillowResize.nearestIndices(3, 2)).containsExactly(0, 2);
    }

    @Test
    void downscalingStretchesTheKernelByTheFactor() {
        PillowResize.Coefficients up = PillowResize.Coefficients.of(100, 400, ResampleFilter.LANCZOS);
        PillowResize.Coefficients down = PillowResize.Coefficients.of(400, 100, ResampleFilter.LANCZOS);

        // Interior pixels: 2·support taps when upscaling, 2·support·4 when downscaling by 4.
        assertThat(up.weights[200].length).isEqualTo(6);
        assertThat(down.weights[50].length).isEqualTo(24);
        for (PillowResize.Coefficients k : new PillowResize.Coefficients[] {up, down}) {
            for (int i = 0; i < k.size(); i++) {
                double sum = 0;
                for (double w : k.exact[i]) {
                    sum += w;
                }
                assertThat(sum).isCloseTo(1.0, within(1e-12));
            }
        }
    }
}
