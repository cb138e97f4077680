package org.dip4j.tasks.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Map;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlendingTaskTests {
    @TempDir
    Path dir;

    private static Config settings(Map<String, Object> overrides) {
        Config c = ConfigFactory.defaultReference().getConfig("dip.tasks.blend");
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            c = c.withValue(e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
        }
        return c;
    }

    /** Writes fg, bg and a mask whose left {@code maskColumns} columns are 255, all h×w. */
    private void writeSet(int h, int w, int maskColumns) {
        Images.writePng(Image.generate(3, h, w, (c, y, x) -> (40 + c * 50 + (x + y) % 7) / 255.0), dir.resolve("fg.png"));
        Images.writePng(Image.generate(3, h, w, (c, y, x) -> (200 - c * 30 + x % 5) / 255.0), dir.resolve("bg.png"));
        Images.writePng(Image.generate(1, h, w, (c, y, x) -> x < maskColumns ? 1.0 : 0.0), dir.resolve("mask.png"));
    }

    private Problem prepare(Map<String, Object> overrides) {
        Map<String, Object> paths = new java.util.HashMap<>(Map.of("foreground", "fg.png", "background", "bg.png",
                "mask", "mask.png"));
        paths.putAll(overrides);
        return new BlendingTask().prepare(new TaskContext(settings(paths), 0, dir));
    }

    @Test
    void isDiscoveredWithTheSevenWeightsAndTheBlendingMetrics() {
        Task task = PluginRegistry.load().get(Task.class, "blend");
        Config s = settings(Map.of());

        assertThat(task).isInstanceOf(BlendingTask.class);
        assertThat(new double[] {s.getDouble("losses.blend-pixel"), s.getDouble("losses.blend-lowfreq"),
                s.getDouble("losses.blend-illum"), s.getDouble("losses.blend-grad"), s.getDouble("losses.blend-dir"),
                s.getDouble("losses.blend-mix"), s.getDouble("losses.blend-aniso")})
                .containsExactly(50, 25, 20, 6, 4, 12, 18);
        assertThat(s.getStringList("metrics")).containsExactly("gff", "gfp", "bsi", "ssim_masked", "psnr_bg");
    }

    @Test
    void theOutputKeyChoosesTheForwardModelAndABadValueNamesTheKeyAndTheAllowedValues() {
        writeSet(64, 64, 30);
        assertThat(((BlendOutput) prepare(Map.of()).forwardModel()).kind()).isEqualTo(BlendOutput.Kind.DIRECT);
        assertThat(((BlendOutput) prepare(Map.of("output", "composite")).forwardModel()).kind())
                .isEqualTo(BlendOutput.Kind.COMPOSITE);
        BlendOutput residual = (BlendOutput) prepare(Map.of("output", "residual", "residual-base", "poisson"))
                .forwardModel();
        assertThat(residual.kind()).isEqualTo(BlendOutput.Kind.RESIDUAL);
        assertThat(residual.base()).isNotNull();

        assertThatThrownBy(() -> prepare(Map.of("output", "Residual")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("dip.tasks.blend.output must be one of direct, composite, residual, got 'Residual'");
    }

    @Test
    void preparesTheBackgroundAsObservationAndTheImagesAsAuxiliaries() {
        writeSet(45, 70, 30);
        Problem p = prepare(Map.of("alpha-radius", 2, "alpha-passes", 2));

        // 45×70 cropped alike to multiples of 32: 32×64.
        assertThat(p.observation().shape()).isEqualTo("3×32×64");
        assertThat(p.groundTruth()).isNull();
        assertThat(p.auxiliary()).containsOnlyKeys("fg", "bg", "mask", "alpha");
        assertThat(p.auxiliary().get("bg")).isEqualTo(p.observation());
        assertThat(p.auxiliary().get("fg").shape()).isEqualTo("3×32×64");
        assertThat(p.auxiliary().get("mask").shape()).isEqualTo("1×32×64");
        assertThat(p.auxiliary().get("alpha").shape()).isEqualTo("1×32×64");
        assertThat(p.inputsToSave()).containsOnlyKeys("foreground.png", "background.png", "mask.png", "alpha-map.png");
        // Centred crop: columns 3..66 of the original, so the mask edge (x < 30) is at column 27.
        Image mask = p.auxiliary().get("mask");
        assertThat(mask.get(0, 0, 26)).isEqualTo(1.0);
        assertThat(mask.get(0, 0, 27)).isEqualTo(0.0);
        Image alpha = p.auxiliary().get("alpha");
        assertThat(alpha.get(0, 10, 0)).isEqualTo(1.0);
        assertThat(alpha.get(0, 10, 63)).isEqualTo(0.0);
        assertThat(alpha.get(0, 10, 26)).isStrictlyBetween(0.5, 1.0);
        assertThat(alpha.get(0, 10, 27)).isStrictlyBetween(0.0, 0.5);
    }

    @Test
    void downscaleAveragesBlocksBeforeCropping() {
        writeSet(64, 128, 64);
        Problem full = prepare(Map.of());
        Problem half = prepare(Map.of("downscale", 2));

        assertThat(half.observation().shape()).isEqualTo("3×32×64");
        Image bg = full.auxiliary().get("bg");
        double block = (bg.get(1, 2, 4) + bg.get(1, 2, 5) + bg.get(1, 3, 4) + bg.get(1, 3, 5)) / 4;
        assertThat(half.auxiliary().get("bg").get(1, 1, 2)).isCloseTo(block, within(1e-12));
        assertThat(half.auxiliary().get("mask").get(0, 0, 31)).isEqualTo(1.0);
        assertThat(half.auxiliary().get("mask").get(0, 0, 32)).isEqualTo(0.0);
    }

    @Test
    void imagesOfDifferentSizesAreRejectedNamingFilesAndSizes() {
        writeSet(64, 64, 30);
        Images.writePng(Image.filled(3, 48, 64, 0.5), dir.resolve("bg.png"));

        assertThatThrownBy(() -> prepare(Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fg.png is 64×64")
                .hasMessageContaining("bg.png is 64×48")
                .hasMessageContaining("mask.png is 64×64");
    }

    @Test
    void aMissingPathOrAnEmptyMaskIsAClearError() {
        writeSet(64, 64, 0);

        assertThatThrownBy(() -> new BlendingTask().prepare(new TaskContext(settings(Map.of()), 0, dir)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.blend.foreground is not set");
        assertThatThrownBy(() -> prepare(Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("selects no pixel");
    }
}
