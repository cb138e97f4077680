package org.dip4j.tasks.blend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.metrics.Ssim;
import org.dip4j.metrics.Ssim.Variant;
import org.dip4j.metrics.blend.BlendMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSIM of each baseline's 8-bit output against the hard composite equals the golden
 * {@code blend/<set>/<method>/vs_hard_composite/ssim_*} values of scikit-image 0.19.3 to 1e-4
 * (the acceptance bound), and to 1e-9 where the golden PNG itself is compared.
 */
class BaselineSsimTests {

    static Stream<Arguments> cases() {
        // set, method, golden SSIM 7x7 default, golden SSIM Wang
        return Stream.of(
                Arguments.of("apple_orange", "feather", 0.9939079315821648, 0.9943492873687251),
                Arguments.of("apple_orange", "laplacian", 0.9933004100533785, 0.9939635906453191),
                Arguments.of("apple_orange", "poisson", 0.9688987734752663, 0.969713368673438),
                Arguments.of("apple_orange", "poisson-mixed", 0.8852999799781008, 0.8918311417231631),
                Arguments.of("kitten_library", "feather", 0.9878522146059122, 0.9886475490353788),
                Arguments.of("kitten_library", "laplacian", 0.9856761968570685, 0.9865148001910103),
                Arguments.of("kitten_library", "poisson", 0.97002137665313, 0.9696564157203742),
                Arguments.of("kitten_library", "poisson-mixed", 0.9710579504816327, 0.9705741411036802));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void ssimAgainstTheHardCompositeMatchesScikitImage(String set, String method, double ssim7, double ssimWang) {
        Image hard = Images.quantised(BlendSets.run(set, "alpha").output());
        Image out = Images.quantised(BlendSets.run(set, method).output());
        double mine7 = Ssim.compute(hard, out, Variant.DEFAULT_UNIFORM7);
        double mineWang = Ssim.compute(hard, out, Variant.WANG_GAUSSIAN);
        System.out.printf("ssim vs hard %-15s %-14s 7x7 %.10f (golden %.10f)  wang %.10f (golden %.10f)%n", set, method,
                mine7, ssim7, mineWang, ssimWang);
        assertThat(mine7).isCloseTo(ssim7, within(1e-4));
        assertThat(mineWang).isCloseTo(ssimWang, within(1e-4));
    }

    @Test
    void ssimOfTheGoldenLaplacianPngsMatchesToDoublePrecision() {
        for (String set : new String[] {"apple_orange", "kitten_library"}) {
            Image hard = Images.quantised(BlendSets.run(set, "alpha").output());
            Image gold = Images.readRgb(BlendSets.resource(set + "/laplacian_pyr5.png"));
            double expected7 = set.equals("apple_orange") ? 0.9933004100533785 : 0.9856761968570685;
            double expectedWang = set.equals("apple_orange") ? 0.9939635906453191 : 0.9865148001910103;
            assertThat(Ssim.compute(hard, gold, Variant.DEFAULT_UNIFORM7)).isCloseTo(expected7, within(1e-9));
            assertThat(Ssim.compute(hard, gold, Variant.WANG_GAUSSIAN)).isCloseTo(expectedWang, within(1e-9));
        }
    }

    @Test
    void blendingMetricsOfEveryBaselineAreWithinTheirRanges() {
        for (String set : new String[] {"apple_orange", "kitten_library"}) {
            BlendSets.Set s = BlendSets.set(set);
            for (String method : BlendBaselines.methods()) {
                Image out = Images.quantised(BlendSets.run(set, method).output());
                double gff = BlendMetrics.gff(out, s.fg(), s.bg(), s.mask());
                double gfp = BlendMetrics.gfp(out, s.fg(), s.bg());
                double bsi = BlendMetrics.bsi(out, s.mask());
                double ssimT = BlendMetrics.ssimMasked(out, s.bg(), s.mask());
                System.out.printf("blend metrics %-15s %-14s GFF %.4f  GFP %.4f  BSI %.2f  SSIM_T %.4f%n", set, method,
                        gff, gfp, bsi, ssimT);
                assertThat(gff).isBetween(0.0, 1.0);
                assertThat(gfp).isPositive();
                assertThat(bsi).isBetween(0.0, 100.0);
                assertThat(ssimT).isBetween(-1.0, 1.0);
            }
        }
    }
}
