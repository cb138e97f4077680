package org.dip4j.samediff.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled training step: the ops of SameDiff's gradient function in one fixed order, each
 * bound to preallocated arrays. {@link #run()} makes one native call per op and nothing else;
 * the placeholders are arrays refilled in place before each run, the requested outputs arrays
 * read after it.
 */
public final class StepPlan {
    private final List<PlanStep> steps;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> outputs;
    private final long poolBytes;
    private @Nullable OpTimer timer;

    /** Receives the wall time of every step while profiling. */
    @FunctionalInterface
    public interface OpTimer {
        void timed(String opType, long nanos);
    }

    StepPlan(List<PlanStep> steps, Map<String, INDArray> placeholders, Map<String, INDArray> outputs, long poolBytes) {
        this.steps = List.copyOf(steps);
        this.placeholders = Map.copyOf(placeholders);
        this.outputs = Map.copyOf(outputs);
        this.poolBytes = poolBytes;
    }

    /** Runs every op once, in order. */
    public void run() {
        OpTimer t = timer;
        if (t != null) {
            runTimed(t);
            return;
        }
        for (PlanStep step : steps) {
            step.run();
        }
    }

    private void runTimed(OpTimer t) {
        for (PlanStep step : steps) {
            long t0 = System.nanoTime();
            step.run();
            t.timed(step.type(), System.nanoTime() - t0);
        }
    }

    /** The array a placeholder is read from; fill it in place before {@link #run()}. */
    public INDArray placeholder(String name) {
        INDArray a = placeholders.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the plan has no placeholder " + name);
        }
        return a;
    }

    /** The array a requested output is written to by {@link #run()}. */
    public INDArray output(String name) {
        INDArray a = outputs.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the plan computes no output " + name);
        }
        return a;
    }

    public boolean hasOutput(String name) {
        return outputs.containsKey(name);
    }

    /** Steps per run. */
    public int size() {
        return steps.size();
    }

    /** Native calls per run. */
    public int nativeCalls() {
        return steps.stream().mapToInt(PlanStep::nativeCalls).sum();
    }

    /** Bytes of the step's working arrays (activations, gradients, temporaries). */
    public long workingBytes() {
        return poolBytes;
    }

    /** Op types in order of execution, for tests and diagnostics. */
    public List<String> opTypes() {
        List<String> out = new ArrayList<>();
        for (PlanStep s : steps) {
            out.add(s.type());
        }
        return out;
    }

    /** Times every step from now on (null: stop timing). */
    public void timeSteps(@Nullable OpTimer timer) {
        this.timer = timer;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StepPlan[%d steps, %d native calls, %.1f MB of working arrays]", size(),
                nativeCalls(), poolBytes / 1e6);
    }
}
