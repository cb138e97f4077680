package org.dip4j.samediff.graph;

import java.lang.reflect.Field;
import java.util.Map;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.autodiff.samediff.serde.FlatBuffersMapper;

/**
 * Makes SameDiff use dip4j's subclasses of native ops when it copies a graph. Building the
 * gradient, SameDiff 1.0.0-M2.1 clones every op through its serialised form and looks the class
 * up by the op's name; registering {@link NativeBatchNorm} and {@link BatchStatistics} under
 * {@code batchnorm} and {@code moments} keeps their gradients in the copy. M2.1 has no public
 * registration, so this writes the lookup table by reflection, once per JVM.
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

    @SuppressWarnings("unchecked")
    private static void register(String opName, Class<?> type) {
        long hash = FlatBuffersMapper.getOpNum(opName, Op.Type.CUSTOM);
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Map<Long, Map<String, Class<?>>> shared = (Map<Long, Map<String, Class<?>>>) field(holder, "customOpHashToClasses");
            if (shared.containsKey(hash)) {
                shared.get(hash).put(opName, type);
            } else {
                ((Map<Long, Class<?>>) field(holder, "customOpHashToClass")).put(hash, type);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register " + type.getSimpleName() + " with ND4J "
                    + "(this code is written for 1.0.0-M2.1)", e);
        }
    }

    /**
     * Registers an op with no native counterpart: ND4J gives unknown op names the hash 0, and looks
     * classes up by hash and then name.
     */
    @SuppressWarnings("unchecked")
    private static void registerPlanOnly(String opName, Class<?> type) {
        DifferentialFunctionClassHolder holder = DifferentialFunctionClassHolder.getInstance();
        try {
            Map<Long, Map<String, Class<?>>> shared = (Map<Long, Map<String, Class<?>>>) field(holder, "customOpHashToClasses");
            shared.computeIfAbsent(0L, k -> new java.util.HashMap<>()).put(opName, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot register " + type.getSimpleName() + " with ND4J "
                    + "(this code is written for 1.0.0-M2.1)", e);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
