package org.dip4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.LocalExecutor;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of the Spark engine: a standalone master and two workers as separate JVMs on
 * loopback run a grid of tiny runs, and every summary equals the same run done here without Spark.
 */
class StandaloneClusterTests {
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, "1g");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aGridOnTwoWorkersEqualsTheSameGridRunWithoutSpark() throws Exception {
        List<RunSpec> specs = new ArrayList<>(TinyRuns.specs(4, 10));
        specs.add(2, TinyRuns.spec("missing-image", 0, 10, "../data/denoising/no-such-image.png"));
        PluginRegistry registry = PluginRegistry.load();

        List<RunRecord> onCluster;
        try (SystemProperties p = SystemProperties.set(Map.of(
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                "spark.executor.memory", "640m"))) {
            onCluster = new SparkExecutor(cluster.masterUrl(), registry, new AtomicBoolean())
                    .execute(specs, dir.resolve("spark"));
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("the grid failed on the cluster; its logs:\n" + cluster.logTails(), e);
        }
        // The same thread count as each Spark task, so the same kernels split the same way.
        NativeThreads.limit(1);
        List<RunRecord> here = new LocalExecutor(registry, p -> { }, new AtomicBoolean())
                .execute(specs, dir.resolve("local"));

        assertThat(onCluster).extracting(RunRecord::id).containsExactlyElementsOf(specs.stream().map(RunSpec::id).toList());
        RunRecord bad = onCluster.get(2);
        assertThat(bad.status()).isEqualTo(RunRecord.Status.FAILED);
        assertThat(bad.error()).contains("no-such-image.png");
        for (int i = 0; i < specs.size(); i++) {
            RunRecord spark = onCluster.get(i);
            RunRecord local = here.get(i);
            assertThat(spark.status()).as(spark.id()).isEqualTo(local.status());
            assertThat(spark.iterations()).as(spark.id()).isEqualTo(local.iterations());
            // Bit for bit: same seed, same single-threaded kernels, same native library.
            assertThat(spark.metrics()).as(spark.id()).isEqualTo(local.metrics());
            if (i != 2) {
                assertThat(spark.status()).isEqualTo(RunRecord.Status.FINISHED);
                assertThat(spark.metrics()).containsKey("psnr_gt");
                assertThat(dir.resolve("spark").resolve(spark.id()).resolve("summary.json")).isRegularFile();
            }
        }
        // Both workers' executors ran runs (their stderr logs in the workers' work folders).
        for (int w = 0; w < 2; w++) {
            assertThat(executorLogs(dir.resolve("cluster/worker-" + w))).as("worker " + w).contains("dip run ");
        }
    }

    private static String executorLogs(Path workDir) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.walk(workDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }
}
