package org.dip4j.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.bench.BenchmarkSetup;
import org.dip4j.samediff.engine.OpProfile;
import org.dip4j.samediff.engine.Restoration;
import org.dip4j.samediff.engine.RunObserver;
import org.dip4j.samediff.skip.SkipArchitecture;
import org.dip4j.samediff.skip.SkipSettings;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dip bench}: milliseconds per training iteration (perturbation, forward, loss,
 * backward, Adam step) of a reference network on the F16 image, after warm-up; with
 * {@code --peer}, the PyTorch peer's time for the same network in the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training iterations of a reference network; optionally beside the PyTorch peer.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The networks with F16's layout, which the peer builds at any width (--channels). */
    private static final java.util.Set<String> PEER_NETWORKS = java.util.Set.of("f16", "fast");

    @Option(names = "--network", defaultValue = "f16",
            description = "f16, kate or library (the reference's networks), or fast (the fast presets' network).")
    String network;

    @Option(names = "--size", split = ",", defaultValue = "128", description = "Image sizes (square), e.g. 128,256.")
    List<Integer> sizes;

    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations per size.")
    int iterations;

    // The JVM's optimising compiler works on SameDiff's executor for the first 30 or so steps, on
    // one of the cores: until then a step takes up to twice as long as later in a run.
    @Option(names = "--warmup", defaultValue = "30",
            description = "Untimed iterations first (default ${DEFAULT-VALUE}: until the JIT compiler has settled).")
    int warmup;

    @Option(names = "--peer", description = "Also time the PyTorch peer (bench/torch_skip_bench.py; f16 and fast).")
    boolean peer;

    @Option(names = "--json", description = "One JSON object per size.")
    boolean json;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one setting of the workload, e.g. --set dip.run.reuse-arrays=true (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--profile", description = "Also print the time per op type of the timed iterations.")
    boolean profile;

    @Option(names = "--executor", description = "plan (default: the compiled step) or samediff (SameDiff's fit).")
    String executor;

    @Override
    public Integer call() {
        if (!BenchmarkSetup.networks().contains(network)) {
            throw new InvalidInputException("--network " + network + "; use one of " + BenchmarkSetup.networks());
        }
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginRegistry.load();
        for (int size : sizes) {
            // Each size's own peak: what earlier sizes left behind still counts, their peaks do not
            // (native memory they freed, which glibc keeps for reuse under ./dip, is handed back first).
            System.gc();
            org.dip4j.samediff.engine.ProcessMemory.releaseFreedNative();
            org.dip4j.samediff.engine.ProcessMemory.resetPeak();
            List<String> settings = new ArrayList<>(overrides);
            if (executor != null) {
                settings.add("dip.run.executor=" + executor);
            }
            Config config = BenchmarkSetup.config(network, size, warmup + iterations, "data/denoising/F16_GT.png",
                    registry, org.dip4j.api.Configs.parseOverrides(settings, "--set"));
            Restoration r = Restoration.prepare(config, registry, Path.of("").toAbsolutePath());
            List<Double> ms = new ArrayList<>();
            double[] last = {0};
            OpProfile ops = new OpProfile();
            if (profile) {
                r.profile(ops);
                if (warmup == 0) {
                    ops.record();
                }
            }
            r.run(new RunObserver() {
                @Override
                public void iterationDone(int iteration, int total, double seconds, Map<String, Double> m) {
                    if (iteration >= warmup) {
                        ms.add((seconds - last[0]) * 1000);
                    }
                    if (iteration == warmup - 1) {
                        ops.record();
                    }
                    last[0] = seconds;
                }
            }, new AtomicBoolean());
            Collections.sort(ms);
            SkipSettings skip = SkipSettings.from(config.getConfig("dip.architectures.skip"));
            long macs = SkipArchitecture.countForwardMacs(skip, config.getInt("dip.input.channels"), 3, size, size);
            double median = ms.get(ms.size() / 2);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("engine", "dip4j " + Restoration.backend());
            row.put("device", org.dip4j.samediff.engine.Device.describe());
            row.put("native", org.dip4j.samediff.engine.Device.nativeVariant());
            row.put("network", network);
            row.put("size", size);
            row.put("parameters", r.parameterCount());
            row.put("threads", Nd4j.getEnvironment().maxThreads());
            row.put("executor", config.getString("dip.run.executor"));
            row.put("ms_per_iter_median", round(median));
            row.put("ms_per_iter_min", round(ms.get(0)));
            row.put("ms_per_iter_max", round(ms.get(ms.size() - 1)));
            // A training step is about three forward passes of work (forward, two backward products).
            row.put("train_step_gflop", round(6.0 * macs / 1e9));
            row.put("gflop_per_s", round(6.0 * macs / 1e9 / (median / 1000)));
            row.put("peak_rss_mb", org.dip4j.samediff.engine.ProcessMemory.peakResidentMb());
            if (peer) {
                Object p = peer(size, skip.channelsDown().get(0));
                if (p instanceof Config peerRow) {
                    double peerMs = peerRow.getDouble("ms_per_iter_median");
                    row.put("pytorch_ms_per_iter_median", round(peerMs));
                    row.put("ratio_dip4j_to_pytorch", round(median / peerMs));
                    if (peerRow.hasPath("peak_rss_mb")) {
                        row.put("pytorch_peak_rss_mb", peerRow.getLong("peak_rss_mb"));
                    }
                } else {
                    row.put("pytorch_ms_per_iter_median", p);
                }
            }
            if (profile) {
                ops.report(iterations).forEach(out::println);
                // Time of the step outside the ops' own calls, per op: the executor's cost. Over the
                // same steps as the profile, so the mean wall time (the median is of other steps' mix).
                double opsMs = ops.totalMillis() / (double) iterations;
                double calls = (double) ops.totalCalls() / iterations;
                double meanMs = ms.stream().mapToDouble(Double::doubleValue).average().orElse(median);
                row.put("ops_per_step", Math.round(calls));
                row.put("ms_per_iter_mean", round(meanMs));
                row.put("overhead_us_per_op", round((meanMs - opsMs) * 1000 / calls));
            }
            if (json) {
                out.println(ConfigValueFactory.fromMap(row).render(ConfigRenderOptions.concise().setJson(true)));
            } else {
                row.forEach((k, v) -> out.printf(Locale.ROOT, "%-28s %s%n", k, v));
                out.println();
            }
            out.flush();
        }
        return 0;
    }

    /** The peer's JSON line as a Config, or a message saying why there is none. */
    private Object peer(int size, int channels) {
        if (!PEER_NETWORKS.contains(network)) {
            return "no PyTorch peer for network " + network + " (f16 and fast have one)";
        }
        Path script = Path.of("bench/torch_skip_bench.py");
        if (!Files.exists(script)) {
            return "bench/torch_skip_bench.py not found (run from the repository root)";
        }
        int threads = Nd4j.getEnvironment().maxThreads();
        // Debian's interpreter, where python3-torch installs; a PATH python3 (pyenv, venv) may lack torch.
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--size", Integer.toString(size),
                "--iters", Integer.toString(iterations), "--warmup", Integer.toString(warmup),
                "--threads", Integer.toString(threads), "--channels", Integer.toString(channels))
                .redirectErrorStream(true);
        // The peer at its best on this machine: it keeps ./dip's allocator settings (without them
        // PyTorch's step was 2.2x slower at 128² and 6x at 256² here, from page faults) but not
        // passive OpenMP waiting, which slows it (docs/results/engine-plan).
        pb.environment().remove("OMP_WAIT_POLICY");
        try {
            Process p = pb.start();
            String lastLine = "";
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lastLine = line;
                }
            }
            if (p.waitFor() != 0 || !lastLine.startsWith("{")) {
                return "PyTorch peer failed: " + lastLine + " (apt-get install -y python3-torch python3-numpy)";
            }
            return ConfigFactory.parseString(lastLine);
        } catch (IOException e) {
            return "cannot start python3: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
