package org.dip4j.tasks.blend.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.tasks.blend.baseline.BlendSets.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each baseline against the golden PNG of the reference implementation (see PROVENANCE.md): the
 * quantised output must match within the tolerances of golden/README.md (alpha exact, feather and
 * Laplacian 1 grey level, textbook Poisson 2). Where only a crop of the golden image is stored,
 * the rest of the output must be what the method guarantees there.
 */
class GoldenBlendTests {

    static Stream<Arguments> cases() {
        // set, method, golden file, crop box (x, y, w, h) or null for the full image, tolerance in grey levels
        return Stream.of(
                Arguments.of("apple_orange", "alpha", "alpha_hard_crop", new int[] {232, 0, 48, 512}, 0),
                Arguments.of("apple_orange", "feather", "alpha_feather_s5_crop", new int[] {232, 0, 48, 512}, 1),
                Arguments.of("apple_orange", "laplacian", "laplacian_pyr5", null, 1),
                Arguments.of("apple_orange", "poisson", "poisson_textbook_normal_crop", new int[] {0, 0, 264, 512}, 2),
                Arguments.of("apple_orange", "poisson-mixed", "poisson_textbook_mixed_crop", new int[] {0, 0, 264, 512}, 2),
                Arguments.of("kitten_library", "alpha", "alpha_hard_crop", new int[] {177, 169, 152, 175}, 0),
                Arguments.of("kitten_library", "feather", "alpha_feather_s5_crop", new int[] {177, 169, 152, 175}, 1),
                Arguments.of("kitten_library", "laplacian", "laplacian_pyr5", null, 1),
                Arguments.of("kitten_library", "poisson", "poisson_textbook_normal_crop", new int[] {200, 192, 106, 130}, 2),
                Arguments.of("kitten_library", "poisson-mixed", "poisson_textbook_mixed_crop", new int[] {200, 192, 106, 130}, 2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheGoldenOutput(String set, String method, String golden, int[] box, int tolerance) {
        Run run = BlendSets.run(set, method);
        Image out = run.output();
        Image gold = Images.readRgb(BlendSets.resource(set + "/" + golden + ".png"));
        int x0 = box == null ? 0 : box[0];
        int y0 = box == null ? 0 : box[1];
        Image mine = out.crop(y0, x0, gold.height(), gold.width());
        Diff d = Diff.of(mine, gold);
        System.out.printf("blend %-15s %-14s vs %-30s max %d  mean %.4f  PSNR %s dB  %d ms%n", set, method, golden,
                d.max(), d.mean(), d.psnrText(), run.millis());
        assertThat(d.max()).as("max abs difference in grey levels").isLessThanOrEqualTo(tolerance);
        if (box != null) {
            Image expectedOutside = method.startsWith("poisson") ? BlendSets.set(set).bg()
                    : BlendBaselines.blend("alpha", BlendSets.set(set).fg(), BlendSets.set(set).bg(),
                            BlendSets.set(set).mask());
            assertThat(Diff.outside(out, expectedOutside, box)).as("difference outside the stored crop").isZero();
        }
    }

    /** Absolute differences in 0..255 units between two quantised images. */
    record Diff(int max, double mean, double mse) {
        static Diff of(Image a, Image b) {
            int max = 0;
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int c = 0; c < a.channels(); c++) {
                for (int y = 0; y < a.height(); y++) {
                    for (int x = 0; x < a.width(); x++) {
                        int d = Math.abs(Images.quantise(a.get(c, y, x)) - Images.quantise(b.get(c, y, x)));
                        max = Math.max(max, d);
                        sum += d;
                        sq += (double) d * d;
                        n++;
                    }
                }
            }
            return new Diff(max, sum / n, sq / n);
        }

        static int outside(Image a, Image b, int[] box) {
            int max = 0;
            for (int c = 0; c < a.channels(); c++) {
                for (int y = 0; y < a.height(); y++) {
                    for (int x = 0; x < a.width(); x++) {
                        boolean inBox = x >= box[0] && x < box[0] + box[2] && y >= box[1] && y < box[1] + box[3];
                        if (!inBox) {
                            max = Math.max(max, Math.abs(Images.quantise(a.get(c, y, x)) - Images.quantise(b.get(c, y, x))));
                        }
                    }
                }
            }
            return max;
        }

        String psnrText() {
            return mse == 0 ? "inf" : "%.2f".formatted(10 * Math.log10(255.0 * 255.0 / mse));
        }
    }
}
