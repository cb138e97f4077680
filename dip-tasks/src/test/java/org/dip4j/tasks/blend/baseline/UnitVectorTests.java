package org.dip4j.tasks.blend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.dip4j.api.Image;
import org.dip4j.tasks.blend.baseline.Pyramid.Plane;
import org.junit.jupiter.api.Test;

/** OpenCV pyrDown/pyrUp and SciPy's Gaussian against golden.json {@code unit_vectors}. */
class UnitVectorTests {
    private static final Map<String, Object> GOLDEN = ConfigFactory
            .parseFile(BlendSets.resource("unit_vectors.json").toFile()).root().unwrapped();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name) {
        return (Map<String, Object>) GOLDEN.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Plane plane(Object nested) {
        List<List<Number>> rows = (List<List<Number>>) nested;
        int h = rows.size();
        int w = rows.get(0).size();
        double[] v = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = rows.get(y).get(x).doubleValue();
            }
        }
        return new Plane(v, h, w);
    }

    private static void assertPlane(Plane actual, Plane expected) {
        assertThat(actual.h()).isEqualTo(expected.h());
        assertThat(actual.w()).isEqualTo(expected.w());
        for (int i = 0; i < actual.v().length; i++) {
            assertThat(actual.v()[i]).as("sample %d", i).isCloseTo(expected.v()[i], within(1e-12));
        }
    }

    private static Plane formulaA() {
        double[] v = new double[6 * 8];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 8; j++) {
                v[i * 8 + j] = ((7 * i + 3 * j) % 11) / 10.0;
            }
        }
        return new Plane(v, 6, 8);
    }

    private static Plane formulaB() {
        double[] v = new double[5 * 7];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                v[i * 7 + j] = ((5 * i + 2 * j) % 9) / 8.0;
            }
        }
        return new Plane(v, 5, 7);
    }

    @Test
    void formulasReproduceTheStoredInputs() {
        assertPlane(formulaA(), plane(section("pyr").get("input_A_6x8")));
        assertPlane(formulaB(), plane(section("pyr").get("input_B_5x7")));
    }

    @Test
    void pyrDownMatchesOpenCv() {
        assertPlane(Pyramid.down(formulaA()), plane(section("pyr").get("pyrDown_A")));
        assertPlane(Pyramid.down(formulaB()), plane(section("pyr").get("pyrDown_B_3x4")));
    }

    @Test
    void pyrUpMatchesOpenCvIncludingOddDestinationSizes() {
        assertPlane(Pyramid.up(formulaA(), 12, 16), plane(section("pyr").get("pyrUp_A_12x16")));
        assertPlane(Pyramid.up(Pyramid.down(formulaB()), 5, 7), plane(section("pyr").get("pyrUp_of_pyrDown_B_dst_5x7")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void featherKernelHasScipysFortyOneTaps() {
        List<Number> taps = (List<Number>) section("feather_gaussian").get("kernel_sigma5_41taps");
        double[] k = org.dip4j.internal.PlaneFilters.gaussianKernel(5.0, 4.0);
        assertThat(k).hasSize(41);
        for (int i = 0; i < 41; i++) {
            assertThat(k[i]).isCloseTo(taps.get(i).doubleValue(), within(1e-15));
        }
    }

    @Test
    void softMaskMatchesScipyGaussianFilterNearest() {
        Plane box = plane(section("feather_gaussian").get("mask_12x12"));
        Image mask = Image.of(1, 12, 12, box.v());
        Image alpha = new FeatherBlend(1.5, 4.0).alpha(mask);
        assertPlane(new Plane(alpha.toArray(), 12, 12),
                plane(section("feather_gaussian").get("gaussian_filter_sigma1.5_nearest")));
    }
}
