package org.dip4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.ExecutorProvider;
import org.dip4j.experiment.LocalExecutor;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark executor in the embedded local mode: equal numbers, retries, failures, output locations. */
class SparkExecutorTests {
    @TempDir
    Path dir;

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static List<RunRecord> onSpark(String master, List<RunSpec> specs, Path folder, RunTask.Runner runner) {
        return new SparkExecutor(master, REGISTRY, new AtomicBoolean(), runner).execute(specs, folder);
    }

    private static RunSpec stub(String id) {
        return new RunSpec(id, Map.of("id", id), "dip {}", "/");
    }

    /** A record naming the attempt that produced it, so a test sees whether Spark retried. */
    private static RunRecord finishedOnAttempt(RunSpec spec) {
        return new RunRecord(spec.id(), RunRecord.Status.FINISHED, TaskContext.get().attemptNumber(), 0,
                Map.of("x", 1.0), null);
    }

    @Test
    void theSparkEngineIsAnExecutorPluginFoundByItsId() {
        PluginRegistry registry = PluginRegistry.load();
        assertThat(registry.ids(ExecutorProvider.class)).contains("spark", "local");
        assertThat(registry.get(ExecutorProvider.class, "spark")).isInstanceOf(SparkExecutorProvider.class);
    }

    @Test
    void runsOnLocalTwoEqualTheSameRunsWithoutSpark() {
        List<RunSpec> specs = TinyRuns.specs(2, 6);
        List<RunRecord> spark = new SparkExecutor("local[2]", REGISTRY, new AtomicBoolean())
                .execute(specs, dir.resolve("spark"));
        NativeThreads.limit(1);
        List<RunRecord> local = new LocalExecutor(REGISTRY, p -> { }, new AtomicBoolean())
                .execute(specs, dir.resolve("local"));
        assertThat(spark).extracting(RunRecord::status).containsOnly(RunRecord.Status.FINISHED);
        for (int i = 0; i < specs.size(); i++) {
            assertThat(spark.get(i).metrics()).isEqualTo(local.get(i).metrics());
        }
        assertThat(spark.get(0).metrics()).isNotEqualTo(spark.get(1).metrics()); // the seeds matter
        // A second execution finds the folders finished and does not run them again.
        List<RunRecord> again = new SparkExecutor("local[2]", REGISTRY, new AtomicBoolean())
                .execute(specs, dir.resolve("spark"));
        assertThat(again).extracting(RunRecord::status).containsOnly(RunRecord.Status.ALREADY_DONE);
        assertThat(again.get(0).metrics()).isEqualTo(spark.get(0).metrics());
    }

    @Test
    void aCrashedTaskIsRetriedBySpark() {
        List<RunRecord> records = onSpark("local[2,3]", List.of(stub("a"), stub("b")), dir, (spec, folder) -> {
            if (TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("executor trouble");
            }
            return finishedOnAttempt(spec);
        });
        assertThat(records).extracting(RunRecord::status).containsOnly(RunRecord.Status.FINISHED);
        assertThat(records).extracting(RunRecord::iterations).containsOnly(1);
    }

    @Test
    void aRunThatKeepsCrashingFailsAloneAndTheOthersKeepTheirOrder() {
        List<RunSpec> specs = List.of(stub("first"), stub("crashes"), stub("last"));
        List<RunRecord> records = onSpark("local[2,2]", specs, dir, (spec, folder) -> {
            if (spec.id().equals("crashes")) {
                throw new IllegalStateException("native crash stand-in");
            }
            return finishedOnAttempt(spec);
        });
        assertThat(records).extracting(RunRecord::id).containsExactly("first", "crashes", "last");
        assertThat(records).extracting(RunRecord::status).containsExactly(RunRecord.Status.FINISHED,
                RunRecord.Status.FAILED, RunRecord.Status.FINISHED);
        assertThat(records.get(1).error()).contains("failed 2 times", "native crash stand-in").doesNotContain("\n");
    }

    @Test
    void aHadoopOutputReceivesEachRunFolderAndHandsItBack() throws IOException {
        Path store = dir.resolve("store");
        RunTask.Runner writeOnce = (spec, folder) -> {
            try {
                if (Files.isRegularFile(folder.resolve("summary.txt"))) {
                    return new RunRecord(spec.id(), RunRecord.Status.ALREADY_DONE, 0, 0, Map.of(), null);
                }
                Files.createDirectories(folder.resolve("sub"));
                Files.writeString(folder.resolve("summary.txt"), spec.id());
                Files.writeString(folder.resolve("sub/detail.txt"), "x");
                return finishedOnAttempt(spec);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<RunSpec> specs = List.of(stub("r1"), stub("r2"));
        try (SystemProperties p = SystemProperties.set(Map.of(SparkSettings.OUTPUT, store.toUri().toString()))) {
            assertThat(onSpark("local[2]", specs, dir.resolve("exp"), writeOnce)).extracting(RunRecord::status)
                    .containsOnly(RunRecord.Status.FINISHED);
            assertThat(store.resolve("exp/r1/summary.txt")).hasContent("r1");
            assertThat(store.resolve("exp/r2/sub/detail.txt")).hasContent("x");
            try (Stream<Path> files = Files.walk(store)) {
                assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".crc"));
            }
            // The next execution gets the stored folders back, so finished runs are recognised.
            assertThat(onSpark("local[2]", specs, dir.resolve("exp"), writeOnce)).extracting(RunRecord::status)
                    .containsOnly(RunRecord.Status.ALREADY_DONE);
        }
        assertThat(dir.resolve("exp/r1")).doesNotExist(); // nothing written in place
    }
}
