package org.dip4j.samediff.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Wall time of the training step per op type: with SameDiff's executor measured between its
 * before- and after-execution callbacks, with the plan executor around each step of the plan;
 * where a step's time goes, for {@code dip bench --profile}.
 */
public final class OpProfile extends BaseListener implements org.dip4j.samediff.plan.StepPlan.OpTimer {
    private final Map<String, long[]> byOp = new HashMap<>(); // op name -> {nanos, calls}
    private long started;
    private boolean recording;

    /** Starts counting (call after warm-up); earlier steps are not counted. */
    public void record() {
        recording = true;
    }

    /** The plan executor's report of one step's wall time. */
    @Override
    public void timed(String opType, long nanos) {
        if (recording) {
            long[] entry = byOp.computeIfAbsent(opType, k -> new long[2]);
            entry[0] += nanos;
            entry[1]++;
        }
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        started = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
            INDArray[] outputs) {
        if (recording) {
            long[] entry = byOp.computeIfAbsent(op.getOp().opName(), k -> new long[2]);
            entry[0] += System.nanoTime() - started;
            entry[1]++;
        }
    }

    /** Milliseconds in all recorded ops. */
    public long totalMillis() {
        return byOp.values().stream().mapToLong(e -> e[0]).sum() / 1_000_000;
    }

    /** Op calls recorded. */
    public long totalCalls() {
        return byOp.values().stream().mapToLong(e -> e[1]).sum();
    }

    /** Lines "op  ms-per-step  share  calls-per-step", slowest first, over {@code steps} recorded steps. */
    public List<String> report(int steps) {
        long total = byOp.values().stream().mapToLong(e -> e[0]).sum();
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byOp.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-28s %10s %7s %8s", "op", "ms/step", "share", "calls"));
        for (Map.Entry<String, long[]> r : rows) {
            long[] e = r.getValue();
            lines.add(String.format(Locale.ROOT, "%-28s %10.1f %6.1f%% %8d", r.getKey(), e[0] / 1e6 / steps,
                    100.0 * e[0] / Math.max(1, total), e[1] / steps));
        }
        lines.add(String.format(Locale.ROOT, "%-28s %10.1f", "all ops", total / 1e6 / steps));
        return lines;
    }
}
