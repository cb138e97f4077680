package org.dip4j.tasks.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class SrBaselinesTests {
    @Test
    void unknownMethodListsTheKnownOnes() {
        Image lr = Image.filled(3, 4, 4, 0.5);

        assertThatThrownBy(() -> SrBaselines.upsample(lr, 4, "bicubik"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bicubik")
                .hasMessageContaining("[nearest, bilinear, bicubic, lanczos]");
    }

    @Test
    void methodNamesIgnoreCase() {
        Image lr = Image.filled(3, 4, 5, 0.5);

        assertThat(SrBaselines.upsample(lr, 8, "BICUBIC").shape()).isEqualTo("3×32×40");
    }

    @Test
    void nearestRepeatsEachPixelFactorTimes() {
        Image lr = Image.generate(1, 2, 3, (c, y, x) -> (y * 3 + x) / 255.0);

        Image up = SrBaselines.upsample(lr, 4, "nearest");

        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                assertThat(up.get(0, y, x)).isEqualTo(lr.get(0, y / 4, x / 4));
            }
        }
    }

    @Test
    void factorBelowOneIsAnError() {
        assertThatThrownBy(() -> SrBaselines.upsample(Image.filled(3, 4, 4, 0.5), 0, "bicubic"))
                .isInstanceOf(InvalidInputException.class);
    }
}
