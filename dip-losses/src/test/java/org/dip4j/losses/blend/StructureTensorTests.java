package org.dip4j.losses.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dip4j.api.Image;
import org.junit.jupiter.api.Test;

class StructureTensorTests {
    private static void assertEverywhere(StructureTensor.Tangent t, double tx, double ty) {
        for (int i = 0; i < t.tx().length; i++) {
            assertThat(t.tx()[i]).isCloseTo(tx, within(1e-12));
            assertThat(t.ty()[i]).isCloseTo(ty, within(1e-12));
        }
    }

    @Test
    void stripesAcrossXGiveATangentAlongY() {
        Image b = Image.generate(3, 10, 12, (c, y, x) -> 0.5 + 0.3 * Math.sin(1.3 * x + c));
        StructureTensor.Tangent t = StructureTensor.tangent(b, 2.0);

        assertThat(t.height()).isEqualTo(9);
        assertThat(t.width()).isEqualTo(11);
        assertEverywhere(t, 0.0, 1.0);
    }

    @Test
    void stripesAcrossYGiveATangentAlongX() {
        Image b = Image.generate(3, 10, 12, (c, y, x) -> 0.5 + 0.3 * Math.sin(1.3 * y));
        // θ = ½·atan2(0, −J_yy) = π/2, t = (−1, 0).
        assertEverywhere(StructureTensor.tangent(b, 2.0), -1.0, Math.cos(Math.PI / 2));
    }

    @Test
    void diagonalStripesGiveTheDiagonalTangent() {
        Image b = Image.generate(1, 10, 12, (c, y, x) -> 0.5 + 0.3 * Math.sin(0.9 * (x + y)));
        double h = Math.sqrt(0.5);
        // The stripes run along x + y = const, direction (1, −1) ∝ (−h, h).
        assertEverywhere(StructureTensor.tangent(b, 1.0), -h, h);
    }
}
