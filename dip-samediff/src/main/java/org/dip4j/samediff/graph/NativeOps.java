package org.dip4j.samediff.graph;

import org.dip4j.samediff.nd4j.Nd4jAdapter;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * Makes SameDiff use dip4j's subclasses of native ops when it copies a graph. Building the
 * gradient, SameDiff 1.0.0-M2.1 clones every op through its serialised form and looks the class
 * up by the op's name; registering {@link NativeBatchNorm} and {@link BatchStatistics} under
 * {@code batchnorm} and {@code moments} keeps their gradients in the copy. This class holds the
 * list, once per JVM; {@link Nd4jAdapter} writes it into M2.1's table (which has no public
 * registration).
 */
public final class NativeOps {
    /** The string argument that marks dip4j's own ops; it survives SameDiff's copies, native ops ignore it. */
    private static final String MARK = "dip4j:batchnorm";

    private static boolean installed;

    private NativeOps() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        register("batchnorm", NativeBatchNorm.class);
        register("moments", BatchStatistics.class);
        registerPlanOnly(BatchNormLeakyRelu.NAME, BatchNormLeakyRelu.class);
        registerPlanOnly(BatchNormLeakyRelu.Gradient.NAME, BatchNormLeakyRelu.Gradient.class);
        registerPlanOnly(PlaneOps.ReflectionPad.NAME, PlaneOps.ReflectionPad.class);
        registerPlanOnly(PlaneOps.BilinearUpsample2x.NAME, PlaneOps.BilinearUpsample2x.class);
        registerPlanOnly(PlaneOps.Transpose.NAME, PlaneOps.Transpose.class);
        registerPlanOnly(PointwiseConv.NAME, PointwiseConv.class);
        registerPlanOnly(PointwiseConv.Gradient.NAME, PointwiseConv.Gradient.class);
        registerPlanOnly(OneDnnConv.NAME, OneDnnConv.class);
        registerPlanOnly(OneDnnConv.Gradient.NAME, OneDnnConv.Gradient.class);
        installed = true;
    }

    /** Marks {@code op} as created by dip4j, so that its copies take dip4j's gradient. */
    static void mark(DynamicCustomOp op) {
        op.addSArgument(MARK);
    }

    /** Whether {@code op} (or the op it was copied from) was created by dip4j. */
    static boolean isMarked(DynamicCustomOp op) {
        String[] s = op.sArgs();
        return s.length > 0 && MARK.equals(s[0]);
    }

    private static void register(String opName, Class<?> type) {
        Nd4jAdapter.registerOpClass(opName, type);
    }

    /** Registers an op with no native counterpart (one that only the plan executor runs). */
    private static void registerPlanOnly(String opName, Class<?> type) {
        Nd4jAdapter.registerOpWithoutNative(opName, type);
    }
}
