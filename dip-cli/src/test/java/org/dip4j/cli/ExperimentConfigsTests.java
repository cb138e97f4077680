package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.ExperimentPlan;
import org.dip4j.experiment.ExperimentPlanner;
import org.dip4j.experiment.PlannedRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment in config/experiments plans: its keys are known, each run's configuration
 * resolves and names existing images. Planning only; nothing runs.
 */
class ExperimentConfigsTests {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    static Stream<Path> experiments() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("config/experiments"))) {
            return s.filter(p -> p.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void shippedExperimentsPlanAndValidate(Path file) {
        ExperimentPlan plan = ExperimentPlanner.plan(file, List.of(), ROOT, getClass().getClassLoader(), REGISTRY);
        assertThat(plan.runs()).isNotEmpty();
        assertThat(plan.table().metrics()).isNotEmpty();
        boolean fast = file.getFileName().toString().endsWith("-fast.conf");
        for (PlannedRun run : plan.runs()) {
            com.typesafe.config.Config c = com.typesafe.config.ConfigFactory.parseString(run.spec().config());
            int iterations = c.getInt("dip.run.iterations");
            if (fast) {
                assertThat(iterations).as(run.id()).isLessThanOrEqualTo(1201);
            } else {
                assertThat(iterations).as(run.id()).isGreaterThanOrEqualTo(1200);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void fastVariantsUseSmallNetworksAndCrops(Path file) {
        if (!file.getFileName().toString().endsWith("-fast.conf")) {
            return;
        }
        ExperimentPlan plan = ExperimentPlanner.plan(file, List.of(), ROOT, getClass().getClassLoader(), REGISTRY);
        for (PlannedRun run : plan.runs()) {
            com.typesafe.config.Config c = com.typesafe.config.ConfigFactory.parseString(run.spec().config());
            assertThat(c.getIntList("dip.architectures.skip.channels-down")).as(run.id()).allMatch(ch -> ch <= 32);
        }
    }
}
