package org.dip4j.tasks.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
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

class SuperResolutionTaskTests {
    private static final Config DEFAULTS = ConfigFactory.defaultReference().getConfig("dip.tasks.sr");

    @TempDir
    Path dir;

    private static Problem prepare(Path base, Map<String, Object> settings) {
        Config config = ConfigFactory.parseMap(settings).withFallback(DEFAULTS);
        return new SuperResolutionTask().prepare(new TaskContext(config, 0, base));
    }

    private Path writeImage(String name, int width, int height) {
        Image img = Image.generate(3, height, width, (c, y, x) -> ((x * 7 + y * 3 + c * 50) % 256) / 255.0);
        Path file = dir.resolve(name);
        Images.writePng(img, file);
        return file;
    }

    @Test
    void isDiscoveredWithItsDefaults() {
        assertThat(PluginRegistry.load().get(Task.class, "sr")).isInstanceOf(SuperResolutionTask.class);
        assertThat(DEFAULTS.getInt("factor")).isEqualTo(4);
        assertThat(DEFAULTS.getInt("crop-multiple")).isEqualTo(32);
        assertThat(DEFAULTS.getDouble("losses.mse")).isEqualTo(1.0);
        assertThat(DEFAULTS.getStringList("metrics")).containsExactly("psnr_hr", "psnr_lr", "psnr_y");
    }

    @Test
    void highResolutionImageGivesPillowsLanczosLrAsObservationForFactor4() {
        Path hr = TestImages.path("zebra_HR_crop32.png");

        Problem p = prepare(dir, Map.of("image", hr.toString()));

        assertThat(p.observation()).isEqualTo(TestImages.read("zebra_LR_x4.png"));
        assertThat(p.groundTruth()).isEqualTo(TestImages.read("zebra_HR_crop32.png"));
        assertThat(new int[] {p.outputChannels(), p.outputHeight(), p.outputWidth()}).containsExactly(3, 384, 576);
        assertThat(p.forwardModel()).isInstanceOfSatisfying(Lanczos2Downsampler.class,
                d -> assertThat(d.factor()).isEqualTo(4));
        assertThat(p.mask()).isNull();
        assertThat(p.inputsToSave().keySet())
                .containsExactlyInAnyOrder("lr.png", "nearest.png", "bilinear.png", "bicubic.png", "lanczos.png");
        assertThat(p.inputsToSave().get("lr.png")).isEqualTo(p.observation());
        // golden.json sr/zebra_x4/bicubic_up_vs_HR: the bicubic baseline of the reference.
        assertThat(TestImages.psnr(p.groundTruth(), p.inputsToSave().get("bicubic.png")))
                .isCloseTo(23.10479503952027, within(1e-9));
    }

    @Test
    void factor8UsesTheX8LrImage() {
        Problem p = prepare(dir, Map.of("image", TestImages.path("zebra_HR_crop32.png").toString(), "factor", 8));

        assertThat(p.observation()).isEqualTo(TestImages.read("zebra_LR_x8.png"));
        assertThat(((Lanczos2Downsampler) p.forwardModel()).factor()).isEqualTo(8);
        assertThat(TestImages.psnr(p.groundTruth(), p.inputsToSave().get("bicubic.png")))
                .isCloseTo(18.54980339923835, within(1e-9));
    }

    @Test
    void highResolutionImageIsCroppedToMultiplesOf32WithRelativePath() {
        writeImage("hr.png", 70, 45);

        Problem p = prepare(dir, Map.of("image", "hr.png"));

        Image expected = Images.readRgb(dir.resolve("hr.png")).cropToMultipleOf(32);
        assertThat(p.groundTruth()).isEqualTo(expected);
        assertThat(p.groundTruth().width()).isEqualTo(64);
        assertThat(p.groundTruth().height()).isEqualTo(32);
        assertThat(p.observation().shape()).isEqualTo("3×8×16");
    }

    @Test
    void zebraSizedImageIsCroppedWithTheReferencesBox() {
        // zebra_GT.png is 584×388; the reference crops the box (4, 2, 580, 386).
        Image original = Image.generate(3, 388, 584, (c, y, x) -> ((x + 2 * y + c) % 256) / 255.0);
        Images.writePng(original, dir.resolve("zebra-sized.png"));

        Problem p = prepare(dir, Map.of("image", "zebra-sized.png"));

        assertThat(p.groundTruth()).isEqualTo(original.crop(2, 4, 384, 576));
        assertThat(p.observation().shape()).isEqualTo("3×96×144");
    }

    @Test
    void realLowResolutionImageHasNoGroundTruthAndFactorTimesItsSize() {
        Problem p = prepare(dir, Map.of("lr", TestImages.path("zebra_LR_x8.png").toString(), "factor", 8));

        assertThat(p.groundTruth()).isNull();
        assertThat(p.observation()).isEqualTo(TestImages.read("zebra_LR_x8.png"));
        assertThat(p.outputHeight()).isEqualTo(384);
        assertThat(p.outputWidth()).isEqualTo(576);
        assertThat(p.inputsToSave()).containsKeys("lr.png", "bicubic.png");
        assertThat(p.inputsToSave().get("bicubic.png").height()).isEqualTo(384);
    }

    @Test
    void realLowResolutionImageIsCroppedSoThatTheOutputIsAMultipleOf32() {
        writeImage("lr.png", 70, 45);

        Problem p = prepare(dir, Map.of("lr", "lr.png", "factor", 4));

        assertThat(p.observation().shape()).isEqualTo("3×40×64");
        assertThat(p.outputHeight()).isEqualTo(160);
        assertThat(p.outputWidth()).isEqualTo(256);
    }

    @Test
    void neitherImageNorLrIsAnError() {
        assertThatThrownBy(() -> prepare(dir, Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.image").hasMessageContaining("dip.tasks.sr.lr")
                .hasMessageContaining("neither");
    }

    @Test
    void bothImageAndLrIsAnError() {
        assertThatThrownBy(() -> prepare(dir, Map.of("image", "a.png", "lr", "b.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one").hasMessageContaining("both");
    }

    @Test
    void factorOtherThan4Or8IsAnError() {
        assertThatThrownBy(() -> prepare(dir, Map.of("image", "a.png", "factor", 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.factor").hasMessageContaining("4 or 8");
        assertThatThrownBy(() -> prepare(dir, Map.of("image", "a.png", "factor", "four")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.factor");
    }

    @Test
    void cropMultipleMustBeAMultipleOfTheFactor() {
        assertThatThrownBy(() -> prepare(dir, Map.of("image", "a.png", "factor", 8, "crop-multiple", 20)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.crop-multiple");
    }

    @Test
    void missingFileNamesTheKeyAndThePath() {
        assertThatThrownBy(() -> prepare(dir, Map.of("image", "no-such.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.image").hasMessageContaining("no-such.png");
        assertThatThrownBy(() -> prepare(dir, Map.of("lr", "no-such-lr.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.lr").hasMessageContaining("no-such-lr.png");
    }

    @Test
    void imageSmallerThanTheCropMultipleIsAnError() {
        writeImage("tiny.png", 40, 20);
        writeImage("tiny-lr.png", 6, 12);

        assertThatThrownBy(() -> prepare(dir, Map.of("image", "tiny.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.image").hasMessageContaining("40×20");
        assertThatThrownBy(() -> prepare(dir, Map.of("lr", "tiny-lr.png")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.sr.lr").hasMessageContaining("6×12");
    }
}
