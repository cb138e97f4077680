package org.dip4j.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Configs;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.LocalExecutor;
import org.dip4j.experiment.RunExecutor;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;

/**
 * The wall-time measurement of the issue (not a test): an eight-run grid, 32×32 denoising of F16
 * with seeds 0..7, a two-scale network of 16 channels, 200 iterations, run without Spark
 * ({@link LocalExecutor}, ND4J's default threads) and on {@code local[2]} (one thread per task).
 * Run from dip-spark/ with the test class path: {@code java ... org.dip4j.spark.GridTiming MODE...}
 * where MODE is {@code local}, {@code local1} (LocalExecutor, 1 thread) or a Spark master.
 */
public final class GridTiming {
    private GridTiming() {}

    public static void main(String[] args) throws Exception {
        int iterations = Integer.getInteger("iterations", 200);
        PluginRegistry registry = PluginRegistry.load();
        List<RunSpec> specs = new ArrayList<>();
        for (int seed = 0; seed < 8; seed++) {
            Config user = ConfigFactory.parseString("""
                    dip {
                      run { task = denoise, seed = %d, iterations = %d, log-every = 50 }
                      input { channels = 8 }
                      architectures.skip { channels-down = [16, 16], channels-up = [16, 16], channels-skip = [4, 4] }
                      tasks.denoise { image = "%s", crop-size = 32 }
                    }
                    """.formatted(seed, iterations, TinyRuns.IMAGE));
            Config resolved = Configs.resolve(user, GridTiming.class.getClassLoader(), registry);
            specs.add(new RunSpec("seed-" + seed, Map.of("seed", "" + seed), Configs.render(resolved),
                    TinyRuns.WORKING_DIRECTORY.toString()));
        }
        for (String mode : args) {
            Path out = Files.createTempDirectory("grid-" + mode.replaceAll("[^a-z0-9]", ""));
            RunExecutor executor = switch (mode) {
                case "local" -> new LocalExecutor(registry, p -> { }, new AtomicBoolean());
                case "local1" -> {
                    NativeThreads.limit(1);
                    yield new LocalExecutor(registry, p -> { }, new AtomicBoolean());
                }
                default -> new SparkExecutor(mode, registry, new AtomicBoolean());
            };
            long t0 = System.nanoTime();
            List<RunRecord> records = executor.execute(specs, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %.1f s wall for %d runs; statuses %s; psnr_gt %s%n", mode, seconds,
                    records.size(), records.stream().map(r -> r.status().name()).distinct().toList(),
                    records.stream().map(r -> String.format(Locale.ROOT, "%.4f", r.metrics().get("psnr_gt"))).toList());
        }
    }
}
