package org.dip4j.tasks.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.dip4j.tasks.Crops;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InpaintingTaskTests {
    @TempDir
    Path dir;

    private final InpaintingTask task = new InpaintingTask();

    /** The task's settings: {@code hocon} over the defaults of reference.conf. */
    private static Config settings(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load().getConfig("dip.tasks.inpaint"));
    }

    private Problem prepare(String hocon, long seed) {
        return task.prepare(new TaskContext(settings(hocon), seed, dir));
    }

    /** An RGB image whose samples encode channel and position, written as a PNG of h rows and w columns. */
    private Path writeImage(String name, int h, int w) {
        Path file = dir.resolve(name);
        Images.writePng(gradient(h, w), file);
        return file;
    }

    private static Image gradient(int h, int w) {
        return Image.generate(3, h, w, (c, y, x) -> ((c * 97 + y * 7 + x * 3) % 256) / 255.0);
    }

    private static double missingFraction(Image mask) {
        double missing = 0;
        for (double v : mask.toArray()) {
            missing += 1 - v;
        }
        return missing / mask.size();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InpaintingTaskTests.class.getResource("/inpaint/" + name).toURI());
    }

    @ParameterizedTest
    @CsvSource({"kate_mask.png, 512, 512, 4.32", "vase_mask.png, 320, 320, 2.74",
            "library_mask.png, 448, 704, 18.63"})
    void referenceMasksHideTheReferencesFractions(String maskName, int h, int w, double percentMissing)
            throws URISyntaxException {
        writeImage("clean.png", h, w);
        Problem p = prepare("image = clean.png, mask = \"" + resource(maskName) + "\"", 0);
        assertThat(p.mask()).isNotNull();
        assertThat(p.mask().shape()).isEqualTo("1×" + h + "×" + w);
        assertThat(100 * missingFraction(p.mask())).isCloseTo(percentMissing, within(0.005));
    }

    @Test
    void problemObservesTheCleanImageWithTheMaskAndSavesTheMaskedInput() {
        writeImage("clean.png", 64, 64);
        Problem p = prepare("image = clean.png, drop = 0.3", 1);
        Image clean = Images.quantised(gradient(64, 64));
        assertThat(p.observation()).isEqualTo(clean);
        assertThat(p.groundTruth()).isEqualTo(clean);
        assertThat(p.inputsToSave()).containsOnlyKeys("masked.png", "mask.png");
        assertThat(p.inputsToSave().get("mask.png")).isEqualTo(p.mask());
        assertThat(p.inputsToSave().get("masked.png")).isEqualTo(clean.multiply(p.mask()));
    }

    @Test
    void maskOfAnotherSizeNamesBothFilesAndSizes() {
        writeImage("clean.png", 64, 128);
        Images.writePng(Image.filled(1, 64, 64, 1.0), dir.resolve("holes.png"));
        assertThatThrownBy(() -> prepare("image = clean.png, mask = holes.png", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holes.png").hasMessageContaining("64×64")
                .hasMessageContaining("clean.png").hasMessageContaining("128×64");
    }

    @Test
    void dropHidesAboutTheFractionAskedFor() {
        writeImage("clean.png", 128, 128);
        Image mask = prepare("image = clean.png, drop = 0.5", 7).mask();
        // 16384 Bernoulli(0.5) draws: the standard deviation of the fraction is 0.0039.
        assertThat(missingFraction(mask)).isCloseTo(0.5, within(0.02));
        Image sparse = prepare("image = clean.png, drop = 0.1", 7).mask();
        assertThat(missingFraction(sparse)).isCloseTo(0.1, within(0.012));
    }

    @Test
    void dropMaskIsReproducibleFromTheSeed() {
        writeImage("clean.png", 64, 64);
        Image first = prepare("image = clean.png, drop = 0.5", 42).mask();
        Image again = prepare("image = clean.png, drop = 0.5", 42).mask();
        Image otherSeed = prepare("image = clean.png, drop = 0.5", 43).mask();
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void textMaskHidesSomePixels() {
        writeImage("clean.png", 128, 128);
        Image mask = prepare("image = clean.png, text = \"hello world\", text-size = 20", 0).mask();
        assertThat(missingFraction(mask)).isBetween(0.01, 0.5);
        assertThat(mask.toArray()).containsOnly(0.0, 1.0);
    }

    @Test
    void cropsImageAndMaskAlike() {
        // 150×140 crops to 128×128 at offset (11, 6); crop-size 64 then takes the centre, offset (32, 32) more.
        Image original = gradient(150, 140);
        Images.writePng(original, dir.resolve("clean.png"));
        Image pattern = Image.generate(1, 150, 140, (c, y, x) -> (x + 2 * y) % 5 == 0 ? 0.0 : 1.0);
        Images.writePng(pattern, dir.resolve("holes.png"));
        Image quantised = Images.quantised(original);

        Problem multiple = prepare("image = clean.png, mask = holes.png", 0);
        assertThat(multiple.observation()).isEqualTo(quantised.crop(11, 6, 128, 128));
        assertThat(multiple.mask()).isEqualTo(pattern.crop(11, 6, 128, 128));

        Problem reduced = prepare("image = clean.png, mask = holes.png, crop-size = 64", 0);
        assertThat(reduced.observation()).isEqualTo(quantised.crop(43, 38, 64, 64));
        assertThat(reduced.mask()).isEqualTo(pattern.crop(43, 38, 64, 64));
        assertThat(reduced.groundTruth()).isEqualTo(reduced.observation());
    }

    @Test
    void cropSizeMustBeAMultipleOfCropMultiple() {
        writeImage("clean.png", 128, 128);
        assertThatThrownBy(() -> prepare("image = clean.png, drop = 0.5, crop-size = 100", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.inpaint.crop-size");
    }

    @Test
    void noMaskSourceIsAnErrorNamingTheChoices() {
        writeImage("clean.png", 64, 64);
        assertThatThrownBy(() -> prepare("image = clean.png", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dip.tasks.inpaint.mask").hasMessageContaining("dip.tasks.inpaint.drop")
                .hasMessageContaining("dip.tasks.inpaint.text");
    }

    @Test
    void twoMaskSourcesAreAnError() {
        writeImage("clean.png", 64, 64);
        assertThatThrownBy(() -> prepare("image = clean.png, drop = 0.5, text = hi", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one").hasMessageContaining("drop = 0.5")
                .hasMessageContaining("text = \"hi\"");
    }

    @Test
    void dropOutsideTheOpenUnitIntervalIsRejected() {
        writeImage("clean.png", 64, 64);
        assertThatThrownBy(() -> prepare("image = clean.png, drop = 1.0", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.inpaint.drop");
    }

    @Test
    void maskWithoutKnownPixelsIsRejected() {
        writeImage("clean.png", 64, 64);
        Images.writePng(Image.filled(1, 64, 64, 0.0), dir.resolve("black.png"));
        assertThatThrownBy(() -> prepare("image = clean.png, mask = black.png", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no known pixel");
    }

    @Test
    void anAllWhiteMaskIsWarnedAboutOnceAndACropThatChangesTheSizeIsReported() {
        writeImage("clean.png", 70, 64);
        Images.writePng(Image.filled(1, 70, 64, 1.0), dir.resolve("white.png"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(InpaintingTask.class),
                (Logger) LoggerFactory.getLogger(Crops.class));
        log.start();
        loggers.forEach(l -> l.addAppender(log));
        try {
            prepare("image = clean.png, mask = white.png", 0);
            prepare("image = clean.png, drop = 0.5", 0);
        } finally {
            loggers.forEach(l -> l.detachAppender(log));
        }
        List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("white.png", "hides no pixel", "nothing to fill");
        // 70 rows are cropped to 64, the multiple of crop-multiple: said once per image read.
        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("cropped to 64×64")))
                .hasSize(4);
    }

    @Test
    void negativeAndUnevenCropSizesAreRejectedWithTheNearestValidSizes() {
        writeImage("clean.png", 128, 128);
        assertThatThrownBy(() -> prepare("image = clean.png, drop = 0.5, crop-size = -64", 0))
                .hasMessageContaining("crop-size must be 0 (no crop) or positive, got -64");
        assertThatThrownBy(() -> prepare("image = clean.png, drop = 0.5, crop-size = 100", 0))
                .hasMessageContaining("use 64 or 128");
    }

    @Test
    void missingImageSettingSaysWhatToSet() {
        assertThatThrownBy(() -> prepare("drop = 0.5", 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.tasks.inpaint.image");
    }

    @Test
    void isRegisteredWithTheReferenceLossAndMetricsByDefault() {
        assertThat(PluginRegistry.load().get(Task.class, "inpaint")).isInstanceOf(InpaintingTask.class);
        Config defaults = ConfigFactory.load().getConfig("dip.tasks.inpaint");
        assertThat(defaults.getDouble("losses.masked-mse")).isEqualTo(1.0);
        assertThat(defaults.getStringList("metrics")).containsExactly("psnr", "psnr_masked", "psnr_coarse");
        assertThat(defaults.getInt("crop-multiple")).isEqualTo(64);
    }
}
