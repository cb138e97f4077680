package org.dip4j.samediff.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compiled training step: the ops of SameDiff's gradient function in one fixed order, each
 * bound to preallocated arrays. {@link #run()} makes one native call per op and nothing else;
 * the placeholders are arrays refilled in place before each run, the requested outputs arrays
 * read after it.
 */
public final class StepPlan implements AutoCloseable {
    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();
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

    /**
     * Every array the steps use. Java kernels write through NIO views of native memory, which do
     * not keep the arrays alive: without these references ND4J would free an array that only Java
     * steps use while they still write into it.
     */
    private final List<INDArray> arrays;

    StepPlan(List<PlanStep> steps, Map<String, INDArray> placeholders, Map<String, INDArray> outputs, long poolBytes,
            List<INDArray> arrays) {
        this.arrays = List.copyOf(arrays);
        this.steps = List.copyOf(steps);
        this.placeholders = Map.copyOf(placeholders);
        this.outputs = Map.copyOf(outputs);
        this.poolBytes = poolBytes;
        for (PlanStep s : steps) {
            if (s instanceof NativeStep n) {
                contexts.add(n.context());
            }
        }
        // A bound context refers to its arrays' native buffers and shapes, and ND4J deletes
        // contexts on a background thread once they are unreachable; deleting or purging a bound
        // context there races with native work on the thread that runs plans (seen as crashes).
        // So contexts are purged on a thread that runs plans: by close(), or, for a plan dropped
        // unclosed, at the next compile or close (the queue keeps their arrays alive until then).
        List<OpContext> owned = contexts;
        boolean[] closed = this.closed;
        this.cleanable = CLEANER.register(this, () -> {
            if (!closed[0]) {
                ORPHANS.add(owned);
            }
        });
    }

    private static final java.util.concurrent.ConcurrentLinkedQueue<List<OpContext>> ORPHANS =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<OpContext> contexts = new ArrayList<>();
    private final boolean[] closed = {false};
    private final java.lang.ref.Cleaner.Cleanable cleanable;

    /** Purges the contexts of plans that were dropped without {@link #close()}; call on a plan-running thread. */
    static void purgeOrphans() {
        for (List<OpContext> list; (list = ORPHANS.poll()) != null; ) {
            list.forEach(OpContext::purge);
        }
    }

    /** Releases the native contexts' hold on the arrays; the plan cannot run afterwards. */
    @Override
    public void close() {
        if (!closed[0]) {
            closed[0] = true;
            contexts.forEach(OpContext::purge);
            cleanable.clean();
        }
        purgeOrphans();
    }

    /** Runs every op once, in order. */
    public void run() {
        if (closed[0]) {
            throw new IllegalStateException("the plan is closed");
        }
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

    /** Steps per run. */
    public int size() {
        return steps.size();
    }

    /** Native calls per run. */
    public int nativeCalls() {
        return steps.stream().mapToInt(PlanStep::nativeCalls).sum();
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
