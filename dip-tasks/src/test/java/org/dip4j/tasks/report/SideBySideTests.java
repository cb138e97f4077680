package org.dip4j.tasks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import org.dip4j.api.Image;
import org.dip4j.tasks.report.SideBySide.Panel;
import org.junit.jupiter.api.Test;

class SideBySideTests {
    @Test
    void placesPanelsLeftToRightWithWhiteGapsAndACaptionStrip() {
        Image red = Image.generate(3, 10, 20, (c, y, x) -> c == 0 ? 1.0 : 0.0);
        Image grey = Image.filled(1, 10, 20, 0.5);

        BufferedImage f = SideBySide.render(List.of(new Panel("a", red), new Panel("b", grey)));

        assertThat(f.getWidth()).isEqualTo(2 * 20 + SideBySide.GAP);
        assertThat(f.getHeight()).isEqualTo(10 + SideBySide.CAPTION_HEIGHT);
        assertThat(f.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(f.getRGB(19, 9) & 0xffffff).isEqualTo(0xff0000);
        assertThat(f.getRGB(20, 5) & 0xffffff).isEqualTo(0xffffff);
        assertThat(f.getRGB(20 + SideBySide.GAP - 1, 5) & 0xffffff).isEqualTo(0xffffff);
        assertThat(f.getRGB(20 + SideBySide.GAP, 0) & 0xffffff).isEqualTo(0x808080);
    }

    @Test
    void refusesPanelsOfDifferentSizes() {
        assertThatThrownBy(() -> SideBySide.render(List.of(new Panel("a", Image.filled(3, 10, 20, 0)),
                new Panel("b", Image.filled(3, 10, 21, 0))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'");
    }
}
