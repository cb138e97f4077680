package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.DipException;
import org.dip4j.api.Image;
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
    void splittingTheRunIntoSeveralFitCallsChangesNoNumber() {
        Config c = tinyRun("dip.run { iterations = 31, log-every = 5, executor = samediff }");
        List<Map<String, Double>> oneCall = run(c, new RunObserver() {});
        Config chunked = tinyRun("dip.run { iterations = 31, log-every = 5, executor = samediff, steps-per-fit = 7 }");
        assertThat(run(chunked, new RunObserver() {})).isEqualTo(oneCall);
    }

    @Test
    void theOpProfileTimesTheConvolutionsOfEveryRecordedStep() {
        Restoration r = Restoration.prepare(tinyRun("dip.run.iterations = 6"), REGISTRY, Path.of("."));
        OpProfile profile = new OpProfile();
        r.profile(profile);
        r.run(new RunObserver() {
            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
                if (iteration == 1) {
                    profile.record(); // iterations 2..5 are recorded
                }
            }
        }, new AtomicBoolean());
        List<String> lines = profile.report(4);
        // Every convolution of a step runs once forward and once backward (in ND4J, or in oneDNN directly).
        assertThat(callsPerStep(lines, "conv2d") + callsPerStep(lines, "onednn_conv")).isPositive()
                .isEqualTo(callsPerStep(lines, "conv2d_bp") + callsPerStep(lines, "onednn_conv_bp"));
        assertThat(lines.get(lines.size() - 1)).startsWith("all ops");
    }

    @Test
    void javaKernelsCanBeSwitchedOffForThePlan() {
        Map<String, List<String>> reports = new java.util.HashMap<>();
        for (String choice : List.of("on", "off")) {
            Restoration r = Restoration.prepare(tinyRun("dip.run { iterations = 3, java-kernels = " + choice + " }"),
                    REGISTRY, Path.of("."));
            OpProfile profile = new OpProfile();
            profile.record();
            r.profile(profile);
            r.run(new RunObserver() {}, new AtomicBoolean());
            assertThat(r.executor()).isEqualTo("plan");
            reports.put(choice, profile.report(3));
        }
        // on: the fused Java BatchNorm + LeakyReLU; off: SameDiff's own batchnorm op, natively, as often
        long fused = callsPerStep(reports.get("on"), "batchnorm_lrelu");
        assertThat(fused).isPositive();
        assertThat(callsPerStep(reports.get("on"), "batchnorm")).isZero();
        assertThat(callsPerStep(reports.get("off"), "batchnorm_lrelu")).isZero();
        assertThat(callsPerStep(reports.get("off"), "batchnorm")).isEqualTo(fused);
        assertThatThrownBy(() -> RunSettings.from(tinyRun("dip.run.java-kernels = maybe")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dip.run.java-kernels");
    }

    @Test
    void withoutJavaKernelsThePlanGivesTheSamediffExecutorsNumbersExactly() {
        // Same native ops, same Adam: the executor alone adds no rounding of its own.
        List<Map<String, Double>> samediff = run(tinyRun("dip.run { iterations = 40, log-every = 5, executor = samediff }"),
                new RunObserver() {});
        List<Map<String, Double>> plan = run(tinyRun("dip.run { iterations = 40, log-every = 5, java-kernels = off }"),
                new RunObserver() {});
        assertThat(plan).hasSize(samediff.size()).isEqualTo(samediff);
        assertThat(samediff.get(samediff.size() - 1)).isNotEqualTo(samediff.get(0)); // the run moved
    }

    private static long callsPerStep(List<String> report, String op) {
        return report.stream().map(l -> l.trim().split("\\s+")).filter(f -> f[0].equals(op))
                .mapToLong(f -> Long.parseLong(f[3])).findFirst().orElse(0);
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
    void earlyStoppingThatDoesNotHaltRecordsItsChoiceAndRunsToTheEnd() {
        // Patience 1: the first iteration whose window variance is not a new minimum decides.
        Config c = tinyRun("dip.run { iterations = 30, early-stop { enabled = true, window = 3, patience = 1, halt = false } }");
        RunResult r = Restoration.prepare(c, REGISTRY, Path.of(".")).run(new RunObserver() {}, new AtomicBoolean());
        assertThat(r.iterations()).isEqualTo(30);
        assertThat(r.earlyStop()).isNotNull();
        assertThat(r.earlyStop().decided()).isTrue();
        assertThat(r.earlyStop().stopped()).isFalse();
        assertThat(r.earlyStop().decidedAt()).isEqualTo(r.earlyStop().iteration() + 1).isLessThan(30);

        Config halting = tinyRun("dip.run { iterations = 30, early-stop { enabled = true, window = 3, patience = 1 } }");
        RunResult h = Restoration.prepare(halting, REGISTRY, Path.of(".")).run(new RunObserver() {}, new AtomicBoolean());
        assertThat(h.earlyStop().stopped()).isTrue();
        assertThat(h.iterations()).isEqualTo(r.earlyStop().decidedAt() + 1);
    }

    @Test
    void theEarlyStopOutputIsScoredWithItsOwnPredictionWhenTheForwardModelIsNotTheIdentity() {
        Config c = tinyRun("""
                dip.run { task = test-half-size, iterations = 30, early-stop { enabled = true, window = 3, patience = 1, halt = false } }
                """);
        Restoration restoration = Restoration.prepare(c, REGISTRY, Path.of("."));
        RunResult r = restoration.run(new RunObserver() { }, new AtomicBoolean());
        assertThat(r.earlyStop()).isNotNull();
        assertThat(r.earlyStop().iteration()).isLessThan(29);
        Image observation = restoration.problem().observation();
        double expected = TestPlugins.psnr(observation, TestPlugins.HalfSizeTask.halve(r.earlyStop().output()));
        assertThat(r.earlyStop().metrics().get("test-psnr-observation")).isCloseTo(expected, within(1e-3));
        // and it is not the final output's score
        assertThat(r.metrics().get("test-psnr-observation")).isNotCloseTo(expected, within(1e-3));
    }

    @Test
    void aResumedRunLogsTheSameMetricsAsAnUninterruptedOne(@TempDir Path dir) {
        // Early stopping is on (with a patience that never ends the run) so its state is resumed too.
        Config c = tinyRun("dip.run { iterations = 40, log-every = 5, checkpoint-every = 7, "
                + "early-stop { enabled = true, window = 6, patience = 1000 } }");
        Map<Integer, Map<String, Double>> straight = new java.util.TreeMap<>();
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(logInto(straight), new AtomicBoolean());

        // Keep the periodic checkpoint written after iteration 13 (as a crash would leave it), and
        // stop after iteration 17, which writes a final checkpoint: resume from each.
        Map<Integer, Map<String, Double>> pieces = new java.util.TreeMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Path periodic = dir.resolve("periodic.zip");
        RunObserver keepAndStop = new RunObserver() {
            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> last) {
                try {
                    if (iteration == 13) {
                        java.nio.file.Files.copy(dir.resolve(Checkpoint.FILE), periodic);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (iteration == 17) {
                    stop.set(true);
                }
            }
        };
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(RunObserver.all(logInto(pieces), keepAndStop), stop, dir, null);
        Checkpoint atStop = Checkpoint.read(dir.resolve(Checkpoint.FILE));
        assertThat(atStop.iteration()).isEqualTo(18);
        Checkpoint crashed = Checkpoint.read(periodic);
        assertThat(crashed.iteration()).isEqualTo(14);

        Map<Integer, Map<String, Double>> fromCrash = new java.util.TreeMap<>();
        RunResult resumed = Restoration.prepare(c, REGISTRY, Path.of("."))
                .run(logInto(pieces), new AtomicBoolean(), dir, atStop);
        Restoration.prepare(c, REGISTRY, Path.of(".")).run(logInto(fromCrash), new AtomicBoolean(), dir, crashed);
        // Checkpoints of earlier versions hold BatchNorm's γ and β (and their Adam moments) as [1,C,1,1];
        // ND4J's assign copies them into today's [C] arrays element by element.
        Map<Integer, Map<String, Double>> fromOldLayout = new java.util.TreeMap<>();
        Restoration.prepare(c, REGISTRY, Path.of("."))
                .run(logInto(fromOldLayout), new AtomicBoolean(), dir, withBatchNormAsRank4(crashed));
        straight.forEach((iteration, metrics) -> {
            if (iteration >= 14) {
                metrics.forEach((id, value) -> {
                    assertThat(fromCrash.get(iteration).get(id)).as("after the crash: %s at %d", id, iteration)
                            .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-6));
                    assertThat(fromOldLayout.get(iteration).get(id)).as("old layout: %s at %d", id, iteration)
                            .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-6));
                });
            }
        });

        assertThat(resumed.iterations()).isEqualTo(40);
        assertThat(pieces.keySet()).isEqualTo(straight.keySet());
        straight.forEach((iteration, metrics) -> metrics.forEach((id, value) ->
                assertThat(pieces.get(iteration).get(id)).as("%s at %d", id, iteration)
                        .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-6))));
    }

    private static Checkpoint withBatchNormAsRank4(Checkpoint c) {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new java.util.LinkedHashMap<>();
        int reshaped = 0;
        for (var e : c.arrays().entrySet()) {
            var a = e.getValue();
            boolean bn = e.getKey().contains("/gamma") || e.getKey().contains("/beta");
            arrays.put(e.getKey(), bn && a.rank() == 1 ? a.reshape(1, a.length(), 1, 1) : a);
            reshaped += bn && a.rank() == 1 ? 1 : 0;
        }
        assertThat(reshaped).as("BatchNorm arrays in the checkpoint").isGreaterThan(0);
        return new Checkpoint(c.iteration(), c.optimizerSteps(), c.restores(), c.lastPsnr(), arrays, c.extra());
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
        // provenance.json is parseable and names the code the run used.
        Config provenance = com.typesafe.config.ConfigFactory.parseFile(dir.resolve(Provenance.FILE).toFile());
        assertThat(provenance.getInt("format")).isEqualTo(Provenance.FORMAT);
        assertThat(provenance.getLong("seed")).isEqualTo(c.getLong("dip.run.seed"));
        assertThat(provenance.getString("nd4j")).isEqualTo("1.0.0-M2.1");
        assertThat(provenance.getString("backend")).startsWith("CpuBackend");
        assertThat(provenance.getString("native_build")).contains("linux-x86_64");
        assertThat(provenance.getString("convolutions")).isIn("ND4J conv2d", "oneDNN 2.5, direct",
                "oneDNN 2.5, Winograd for 3x3 at stride 1");
        assertThat(provenance.getStringList("command_line")).isNotEmpty();
        assertThat(provenance.getConfig("plugins").root().keySet()).contains("task:test-noisy-gradient");
    }
}
