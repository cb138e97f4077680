package org.dip4j.samediff.plan;

import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/** A native op bound once to its context (inputs, outputs and arguments fixed for the run). */
final class NativeStep implements PlanStep {
    private final Object op;
    private final OpContext context;
    private final String type;

    NativeStep(Object op, OpContext context, String type) {
        this.op = op;
        this.context = context;
        this.type = type;
    }

    @Override
    public void run() {
        if (op instanceof CustomOp custom) {
            Nd4j.getExecutioner().exec(custom, context);
        } else {
            Nd4j.getExecutioner().exec((Op) op, context);
        }
    }

    @Override
    public String type() {
        return type;
    }

    OpContext context() {
        return context;
    }
}
