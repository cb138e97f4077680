package org.dip4j.tasks.blend;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dip4j.api.Configs;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlendConfigFilesTests {
    static Stream<Config> files() {
        Path paper = Path.of("..", "config", "paper");
        return Stream.of(
                Configs.parseResource(BlendConfigFilesTests.class.getClassLoader(), "dip/presets/blend-fast.conf"),
                Configs.parseFile(paper.resolve("blend-apple-orange.conf")),
                Configs.parseFile(paper.resolve("blend-kitten-library.conf")));
    }

    @ParameterizedTest
    @MethodSource("files")
    void runTheBlendTaskWithKeysThatExist(Config file) {
        // Only the subtrees this module and dip-losses own; the engine's keys are checked by its own tests.
        Config ours = file.withOnlyPath("dip.tasks.blend").withFallback(file.withOnlyPath("dip.losses"));

        assertThat(file.getString("dip.run.task")).isEqualTo("blend");
        assertThat(file.getInt("dip.run.iterations")).isPositive();
        assertThat(file.getDouble("dip.input.reg-noise-std")).isPositive();
        Configs.checkKeys(ours, ConfigFactory.defaultReference(), PluginRegistry.load());
    }

    @org.junit.jupiter.api.Test
    void theTaskNamesOnlyRegisteredLossTerms() {
        Config losses = ConfigFactory.defaultReference().getConfig("dip.tasks.blend.losses");
        PluginRegistry registry = PluginRegistry.load();

        assertThat(losses.root().keySet()).hasSize(7)
                .allMatch(id -> registry.contains(org.dip4j.spi.Loss.class, id));
    }
}
