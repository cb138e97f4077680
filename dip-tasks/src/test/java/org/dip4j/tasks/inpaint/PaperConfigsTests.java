package org.dip4j.tasks.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.Map;
import org.dip4j.api.Configs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled paper configurations at the repository root: they parse, include and name real settings. */
class PaperConfigsTests {
    private static final Path DIR = Path.of("..", "config", "paper");

    private static Config load(String name) {
        return Configs.parseFile(DIR.resolve(name)).resolve();
    }

    @ParameterizedTest
    @CsvSource({"kate, 6001, 32", "vase, 5001, 2", "library, 3001, 1"})
    void baseFileUsesTheReferenceNotebookSettings(String image, int iterations, int inputChannels) {
        Config c = load("inpaint-" + image + ".conf");
        assertThat(c.getString("dip.run.task")).isEqualTo("inpaint");
        assertThat(c.getInt("dip.run.iterations")).isEqualTo(iterations);
        assertThat(c.getInt("dip.input.channels")).isEqualTo(inputChannels);
        assertThat(c.getBoolean("dip.run.backtrack.enabled")).isFalse();
        assertThat(c.getDouble("dip.optimizer.learning-rate")).isEqualTo(0.01);
        assertThat(c.getString("dip.tasks.inpaint.image")).isEqualTo("data/inpainting/" + image + ".png");
        assertThat(c.getString("dip.tasks.inpaint.mask")).isEqualTo("data/inpainting/" + image + "_mask.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kate", "vase", "library"})
    void multiscaleTwinDiffersOnlyInItsLossTerms(String image) {
        Config base = load("inpaint-" + image + ".conf");
        Config twin = load("inpaint-" + image + "-multiscale.conf");
        assertThat(twin.getDouble("dip.tasks.inpaint.losses.masked-mse")).isZero();
        assertThat(twin.getDouble("dip.tasks.inpaint.losses.multiscale-mse")).isEqualTo(1.0);
        assertThat(twin.withoutPath("dip.tasks.inpaint.losses")).isEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kate", "vase", "library"})
    void taskSettingsAreKeysOfTheReference(String image) {
        Config reference = ConfigFactory.load().getConfig("dip.tasks.inpaint");
        for (String name : new String[] {"inpaint-" + image + ".conf", "inpaint-" + image + "-multiscale.conf"}) {
            Config task = load(name).getConfig("dip.tasks.inpaint").withoutPath("losses");
            for (Map.Entry<String, ConfigValue> e : task.entrySet()) {
                assertThat(reference.hasPath(e.getKey())).as("%s in %s", e.getKey(), name).isTrue();
            }
        }
    }
}
