package org.dip4j.samediff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Test;

/**
 * Several restorations at once in one JVM (as in an application or Spark's local mode): each
 * logs exactly the numbers it logs alone, and no run leaves JVM-wide state behind.
 */
class ConcurrentRunsTests {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    /** The system property SameDiff M2.1 reads for its array cache. */
    private static final String ARRAY_CACHE = "org.nd4j.autodiff.samediff";

    private static List<Config> runs() {
        String common = "dip.run { iterations = 8, log-every = 1 }\n"
                + "dip.tasks.test-noisy-gradient.metrics = [test-psnr, test-psnr-observation]\n";
        return List.of(
                RestorationTests.tinyRun(common + "dip.run { executor = plan, seed = 3 }"),
                RestorationTests.tinyRun(common + "dip.run { executor = samediff, seed = 4 }"),
                RestorationTests.tinyRun(common + "dip.run { executor = samediff, seed = 6, reuse-arrays = true, "
                        + "steps-per-fit = 5 }"));
    }

    /** Iteration → metrics, every iteration; the restoration is prepared in the calling thread. */
    private static Map<Integer, Map<String, Double>> run(Config config) {
        Map<Integer, Map<String, Double>> logged = new TreeMap<>();
        Restoration.prepare(config, REGISTRY, Path.of(".")).run(new RunObserver() {
            @Override
            public void logged(int iteration, double seconds, Map<String, Double> metrics) {
                logged.put(iteration, metrics);
            }
        }, new AtomicBoolean());
        return logged;
    }

    @Test
    void runsInParallelThreadsLogWhatTheyLogAloneAndLeaveStandardOutputWorking() throws Exception {
        List<Config> configs = runs();
        List<Map<Integer, Map<String, Double>>> alone = new ArrayList<>();
        for (Config c : configs) {
            alone.add(run(c));
        }
        String cacheBefore = System.getProperty(ARRAY_CACHE);

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<Map<Integer, Map<String, Double>>> together = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(configs.size());
        try {
            CyclicBarrier start = new CyclicBarrier(configs.size());
            List<Future<Map<Integer, Map<String, Double>>>> futures = new ArrayList<>();
            for (Config c : configs) {
                futures.add(pool.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    return run(c); // graph building, gradient function and training all overlap
                }));
            }
            for (Future<Map<Integer, Map<String, Double>>> f : futures) {
                together.add(f.get(10, TimeUnit.MINUTES));
            }
            System.out.println("still printing");
        } finally {
            pool.shutdownNow();
            System.setOut(original);
        }

        for (int i = 0; i < configs.size(); i++) {
            assertThat(together.get(i)).as("run %d", i).hasSize(8).isEqualTo(alone.get(i));
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("still printing").doesNotContain("Added differentiated op");
        assertThat(System.getProperty(ARRAY_CACHE)).isEqualTo(cacheBefore);
    }
}
