package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Configs;
import org.dip4j.api.DipException;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of the engine on a tiny problem and network. */
class RestorationTests {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    static Config tinyRun(String extra) {
        Config user = ConfigFactory.parseString("""
                dip.run { task = test-noisy-gradient, iterations = 60, log-every = 20, seed = 3 }
                dip.input.channels = 4
                dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }
                dip.tasks.test-noisy-gradient { losses { test-mse = 1.0 }, metrics = [test-psnr] }
                """ + extra);
        return Configs.resolve(user.resolve(), RestorationTests.class.getClassLoader(), REGISTRY);
    }

    private static List<Map<String, Double>> run(Config config, RunObserver extra) {
        List<Map<String, Double>> logged = new ArrayList<>();
        RunObserver collect = new RunObserver() {
            @Override
            public void logged(int iteration, double seconds, Map<String, Double> metrics) {
                logged.add(metrics);
            }
        };
        Restoration.prepare(config, REGISTRY, Path.of(".")).run(RunObserver.all(collect, extra), new AtomicBoolean());
        return logged;
    }

    @Test
    void fittingTheNoisyImageImprovesPsnrAgainstTheCleanOne() {
        List<Map<String, Double>> logged = run(tinyRun(""), new RunObserver() {});
        assertThat(logged).hasSize(4); // iterations 0, 20, 40 and the last, 59
        double first = logged.get(0).get("test-psnr");
        double last = logged.get(logged.size() - 1).get("test-psnr");
        assertThat(last).isGreaterThan(first + 3);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        Config c = tinyRun("dip.run.iterations = 21");
        assertThat(run(c, new RunObserver() {})).isEqualTo(run(c, new RunObserver() {}));
        Config other = tinyRun("dip.run { iterations = 21, seed = 4 }");
        assertThat(run(other, new RunObserver() {})).isNotEqualTo(run(c, new RunObserver() {}));
    }

    @Test
    void aStopRequestEndsTheRunEarlyWithAResult() {
        AtomicBoolean stop = new AtomicBoolean();
        RunObserver stopAtFive = new RunObserver() {
            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
                if (iteration == 4) {
                    stop.set(true);
                }
            }
        };
        RunResult r = Restoration.prepare(tinyRun(""), REGISTRY, Path.of(".")).run(stopAtFive, stop);
        assertThat(r.iterations()).isEqualTo(5);
        assertThat(r.interrupted()).isTrue();
        assertThat(r.metrics()).containsKey("test-psnr");
    }

    @Test
    void aCollapseRestoresTheLastGoodParametersAndGivesUpAfterTheLimit() {
        // A learning rate far too high makes PSNR against the observation collapse at once: the
        // guard restores the last good parameters, repeats the iteration, and gives up after
        // max-restores with a message that says what to change.
        Config c = tinyRun("""
                dip.optimizer.learning-rate = 5.0
                dip.run.backtrack { psnr-drop = 0.5, max-restores = 3 }
                """);
        List<Integer> restores = new ArrayList<>();
        Restoration r = Restoration.prepare(c, REGISTRY, Path.of("."));
        assertThatThrownBy(() -> r.run(new RunObserver() {
            @Override
            public void restored(int iteration, double drop, int count) {
                assertThat(drop).isGreaterThan(0.5);
                restores.add(count);
            }
        }, new AtomicBoolean()))
                .isInstanceOf(DipException.class)
                .hasMessageContaining("diverged").hasMessageContaining("dip.optimizer.learning-rate");
        assertThat(restores).containsExactly(1, 2, 3);
    }

    @Test
    void aResumedRunLogsTheSameMetricsAsAnUninterruptedOne(@TempDir Path dir) {
        // Early stopping is on (with a patience that never ends the run) so its state is resumed too.
        Config c = tinyRun("dip.run { iterations = 40, log-every = 5, checkpoint-every = 7, "
                + "early-stop { enabled = true, window = 6, patience = 1000 } }");
        Map<Integer, Map<String, Double>> straight = new java.util.TreeMap<>();
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(logInto(straight), new AtomicBoolean());

        // Stop after iteration 17 (the last checkpoint then is the one written on stopping).
        Map<Integer, Map<String, Double>> pieces = new java.util.TreeMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        RunObserver stopAt17 = new RunObserver() {
            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> last) {
                if (iteration == 17) {
                    stop.set(true);
                }
            }
        };
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(RunObserver.all(logInto(pieces), stopAt17), stop, dir, null);
        Checkpoint checkpoint = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertThat(checkpoint.iteration()).isEqualTo(18);
        RunResult resumed = Restoration.prepare(c, REGISTRY, Path.of("."))
                .run(logInto(pieces), new AtomicBoolean(), dir, checkpoint);

        assertThat(resumed.iterations()).isEqualTo(40);
        assertThat(pieces.keySet()).isEqualTo(straight.keySet());
        straight.forEach((iteration, metrics) -> metrics.forEach((id, value) ->
                assertThat(pieces.get(iteration).get(id)).as("%s at %d", id, iteration)
                        .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-6))));
    }

    private static RunObserver logInto(Map<Integer, Map<String, Double>> sink) {
        return new RunObserver() {
            @Override
            public void logged(int iteration, double seconds, Map<String, Double> metrics) {
                sink.put(iteration, metrics);
            }
        };
    }

    @Test
    void theRunFolderHoldsEverythingAUserNeeds(@TempDir Path dir) throws Exception {
        Config c = tinyRun("dip.run { iterations = 21, snapshot-every = 10 }");
        RunFolder folder = new RunFolder(dir, c, REGISTRY);
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(folder, new AtomicBoolean());
        assertThat(dir.resolve("result.png")).exists();
        assertThat(dir.resolve("result_smoothed.png")).exists();
        assertThat(dir.resolve("noisy.png")).exists();
        assertThat(dir.resolve("snapshots/iter_000010.png")).exists();
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(csv.get(0)).isEqualTo("iteration,seconds,test-psnr");
        assertThat(csv).hasSize(1 + 2); // iterations 0 and 20 (the last)
        String summary = Files.readString(dir.resolve("summary.json"));
        assertThat(summary).contains("\"task\" : \"test-noisy-gradient\"").contains("\"iterations\" : 21")
                .contains("\"test-psnr\"");
        // run.conf repeats the run: parsing it gives the same effective configuration.
        Config replay = Configs.resolve(Configs.parseFile(dir.resolve("run.conf")), getClass().getClassLoader(), REGISTRY);
        assertThat(replay.getConfig("dip")).isEqualTo(c.getConfig("dip"));
    }
}
