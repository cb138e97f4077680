package org.dip4j.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.bench.BenchmarkSetup;
import org.dip4j.samediff.engine.Restoration;
import org.dip4j.samediff.engine.RunObserver;
import org.dip4j.samediff.engine.RunResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per DIP training step (perturbation, forward, loss, backward, Adam) of a reference
 * network, the workload of {@code dip bench}, for profiling and A/B work on the engine. The graph
 * is built once per trial; each invocation runs {@link #STEPS} steps, which amortises the few
 * milliseconds of per-run set-up. Run from the repository root (it reads data/denoising/F16_GT.png):
 * {@code bench/jmh -p size=128}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class TrainingStepBenchmark {
    static final int STEPS = 5;

    @Param({"f16"})
    public String network = "f16";

    @Param({"128"})
    public int size = 128;

    @Param({"data/denoising/F16_GT.png"})
    public String image = "data/denoising/F16_GT.png";

    private Restoration restoration;

    @Setup
    public void prepare() {
        PluginRegistry registry = PluginRegistry.load();
        restoration = Restoration.prepare(BenchmarkSetup.config(network, size, STEPS, image, registry), registry,
                Path.of("").toAbsolutePath());
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public RunResult trainingSteps() {
        return restoration.run(new RunObserver() {}, new AtomicBoolean());
    }
}
