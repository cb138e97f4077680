package org.dip4j.tasks.blend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class BlendBaselinesTests {
    private static final Image FG = Image.generate(3, 20, 24, (c, y, x) -> 0.2 + 0.02 * ((x * 3 + y * 5 + c) % 17));
    private static final Image BG = Image.generate(3, 20, 24, (c, y, x) -> 0.1 + 0.03 * ((x + 2 * y + 4 * c) % 11));
    private static final Image BLOB = Image.generate(1, 20, 24, (c, y, x) -> y >= 6 && y < 14 && x >= 5 && x < 17 ? 1 : 0);

    @Test
    void listsTheMethodsAndRejectsUnknownOnesNamingThem() {
        assertThat(BlendBaselines.methods()).containsExactly("alpha", "feather", "laplacian", "poisson", "poisson-mixed");
        assertThatThrownBy(() -> BlendBaselines.blend("poison", FG, BG, BLOB))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("poison")
                .hasMessageContaining("alpha, feather, laplacian, poisson, poisson-mixed");
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> BlendBaselines.blend("alpha", FG, BG.crop(0, 0, 20, 20), BLOB))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BlendBaselines.blend("feather", FG, BG, BLOB.expandChannels(3)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everyMethodGivesTheBackgroundForAnEmptyMask() {
        Image empty = Image.filled(1, 20, 24, 0);
        for (String m : BlendBaselines.methods()) {
            Image out = BlendBaselines.blend(m, FG, BG, empty);
            for (int i = 0; i < out.size(); i++) {
                assertThat(out.toArray()[i]).as(m).isCloseTo(BG.toArray()[i], within(1e-12));
            }
        }
    }

    @Test
    void poissonOfAShiftedBackgroundRestoresTheBackground() {
        // Same gradients as bg and bg boundary values: the exact solution is bg itself.
        Image shifted = BG.map(v -> v + 0.3);
        Image out = BlendBaselines.blend("poisson", shifted, BG, BLOB);
        double[] o = out.toArray();
        double[] b = BG.toArray();
        for (int i = 0; i < o.length; i++) {
            assertThat(o[i]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void mixedPoissonKeepsTheBackgroundWhereItsGradientIsStronger() {
        Image flat = Image.filled(3, 20, 24, 0.5);
        Image out = BlendBaselines.blend("poisson-mixed", flat, BG, BLOB);
        double[] o = out.toArray();
        double[] b = BG.toArray();
        for (int i = 0; i < o.length; i++) {
            assertThat(o[i]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void poissonRejectsAMaskWithNoBackgroundAroundIt() {
        Image all = Image.filled(1, 20, 24, 1);
        assertThatThrownBy(() -> BlendBaselines.blend("poisson", FG, BG, all))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("background");
    }

    @Test
    void nestedDissectionNumbersEveryMaskedPixelOnce() {
        boolean[] in = new boolean[20 * 24];
        int count = 0;
        for (int i = 0; i < in.length; i++) {
            in[i] = BLOB.toArray()[i] > 0.5 || i % 7 == 0;
            count += in[i] ? 1 : 0;
        }
        int[] index = NestedDissection.order(in, 20, 24);
        boolean[] seen = new boolean[count];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                assertThat(index[i]).isBetween(0, count - 1);
                assertThat(seen[index[i]]).isFalse();
                seen[index[i]] = true;
            } else {
                assertThat(index[i]).isEqualTo(-1);
            }
        }
    }
}
