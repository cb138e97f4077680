package org.dip4j.samediff.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;

/**
 * The benchmark workload shared by {@code dip bench} and the JMH benchmarks: denoising a centre
 * crop of F16 with one of the reference's networks, so that timings compare with the PyTorch peer.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BenchmarkSetup {
    /**
     * The reference's networks, as overrides of the denoising paper preset (whose network is
     * F16's), and "fast": the 32-channel network of the fast presets.
     */
    private static final Map<String, String> NETWORKS = Map.of(
            "f16", "",
            "fast", "dip.architectures.skip { channels-down = [32,32,32,32,32], channels-up = [32,32,32,32,32] }",
            "kate", "dip.architectures.skip.channels-skip = [128,128,128,128,128]\n"
                    + "dip.architectures.skip.upsample = nearest",
            "library", "dip.input.channels = 1\ndip.architectures.skip { channels-down = [16,32,64,128,128,128], "
                    + "channels-up = [16,32,64,128,128,128], channels-skip = [0,0,0,0,0,0], filter-size-down = 5, "
                    + "need-1x1-up = false, upsample = nearest }");

    private BenchmarkSetup() {}

    public static Set<String> networks() {
        return new java.util.TreeSet<>(NETWORKS.keySet());
    }

    /**
     * The resolved run configuration: {@code network} on a {@code size}² crop of {@code image},
     * {@code iterations} steps, no logging or checkpoints inside the timed loop.
     */
    public static Config config(String network, int size, int iterations, String image, PluginRegistry registry) {
        return config(network, size, iterations, image, registry, ConfigFactory.empty());
    }

    /** As above, with {@code overrides} (e.g. {@code dip.run.reuse-arrays = true}) winning over the workload. */
    public static Config config(String network, int size, int iterations, String image, PluginRegistry registry,
            Config overrides) {
        String extra = NETWORKS.get(network);
        if (extra == null) {
            throw new InvalidInputException("network '" + network + "'; use one of " + networks());
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config user = ConfigFactory.parseString("""
                dip.tasks.denoise { image = "%s", crop-size = %d }
                dip.run { iterations = %d, log-every = 1000000, checkpoint-every = 0, backtrack.enabled = false }
                %s""".formatted(image, size, iterations, extra));
        user = overrides.withFallback(user)
                .withFallback(Configs.parseResource(loader, "dip/presets/denoise-paper.conf"));
        return Configs.resolve(user, loader, registry);
    }
}
