package org.dip4j.samediff.graph;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Whether a graph is built for the plan executor. Such graphs use ops that only the plan runs
 * (fused BatchNorm and LeakyReLU, a reflection pad with a correct and cheap gradient, Java
 * bilinear upsampling); graphs for SameDiff's own executor and for gradient checks through
 * SameDiff are built from native ops only. The mark is a constant in the graph, so that it
 * travels with the graph and not with the thread or the JVM.
 */
public final class PlanGraphs {
    private static final String MARK = "dip4j/plan-graph";

    private PlanGraphs() {
    }

    /** Marks {@code sd} as a plan graph; call before building layers into it. */
    public static void enable(SameDiff sd) {
        if (!isPlanGraph(sd)) {
            sd.constant(MARK, Nd4j.scalar(1.0f));
        }
    }

    public static boolean isPlanGraph(SameDiff sd) {
        return sd.hasVariable(MARK);
    }
}
