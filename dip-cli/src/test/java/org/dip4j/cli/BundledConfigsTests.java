package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dip4j.api.Configs;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.engine.RunSettings;
import org.dip4j.spi.Architecture;
import org.dip4j.spi.Loss;
import org.dip4j.spi.Metric;
import org.dip4j.spi.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every run file the repository ships and every preset resolves against the references, names
 * plugins that exist, and points at input files that exist: a typo in a shipped file fails here,
 * not an hour into a user's run.
 */
class BundledConfigsTests {
    private static final Path ROOT = Path.of("..");
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    static Stream<Path> runFiles() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT.resolve("config"))) {
            // Experiment files (config/experiments) are checked by ExperimentConfigsTests.
            return s.filter(p -> p.toString().endsWith(".conf") && !p.startsWith(ROOT.resolve("config/experiments")))
                    .sorted().toList().stream();
        }
    }

    static Stream<String> presets() {
        return Stream.of("denoise", "sr", "inpaint", "blend").flatMap(t -> Stream.of(t + "-fast", t + "-paper"));
    }

    @ParameterizedTest
    @MethodSource("runFiles")
    void shippedRunFilesAreValid(Path file) {
        check(Configs.parseFile(file), true);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetsAreValid(String preset) {
        check(Configs.parseResource(getClass().getClassLoader(), "dip/presets/" + preset + ".conf"), false);
    }

    private static void check(Config user, boolean inputsMustExist) {
        Config c = Configs.resolve(user, BundledConfigsTests.class.getClassLoader(), REGISTRY);
        RunSettings s = RunSettings.from(c);
        assertThat(REGISTRY.contains(Task.class, s.task())).isTrue();
        assertThat(REGISTRY.contains(Architecture.class, s.architecture())).isTrue();
        Config task = c.getConfig("dip.tasks." + s.task());
        for (String loss : task.getConfig("losses").root().keySet()) {
            assertThat(REGISTRY.contains(Loss.class, loss)).as(loss).isTrue();
        }
        for (String metric : task.getStringList("metrics")) {
            assertThat(REGISTRY.contains(Metric.class, metric)).as(metric).isTrue();
        }
        if (inputsMustExist) {
            for (String key : List.of("image", "noisy", "mask", "lr", "foreground", "background")) {
                if (task.hasPath(key) && task.getValue(key).unwrapped() instanceof String path && !path.isEmpty()) {
                    assertThat(ROOT.resolve(path)).as(key).exists();
                }
            }
        }
    }
}
