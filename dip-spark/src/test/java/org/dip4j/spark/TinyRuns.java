package org.dip4j.spark;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dip4j.api.Configs;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.RunSpec;

/** Tiny denoising runs (32×32 centre crop of the repository's F16, one-scale network of 4 channels). */
final class TinyRuns {
    /** The module directory under Maven; the image path in the specs is relative to it. */
    static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();
    static final String IMAGE = "../data/denoising/F16_GT.png";

    private TinyRuns() {}

    /** {@code count} runs with seeds 0, 1, ... and {@code iterations} iterations each. */
    static List<RunSpec> specs(int count, int iterations) {
        List<RunSpec> specs = new ArrayList<>();
        for (int seed = 0; seed < count; seed++) {
            specs.add(spec("seed-" + seed, seed, iterations, IMAGE));
        }
        return specs;
    }

    static RunSpec spec(String id, int seed, int iterations, String image) {
        Config user = ConfigFactory.parseString("""
                dip {
                  run { task = denoise, seed = %d, iterations = %d, log-every = 4 }
                  input { channels = 4 }
                  architectures.skip { channels-down = [4], channels-up = [4], channels-skip = [2] }
                  tasks.denoise { image = "%s", crop-size = 32, crop-multiple = 32 }
                }
                """.formatted(seed, iterations, image));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config resolved = Configs.resolve(user, loader, PluginRegistry.load(loader));
        return new RunSpec(id, Map.of("seed", Integer.toString(seed)), Configs.render(resolved),
                WORKING_DIRECTORY.toString());
    }
}
