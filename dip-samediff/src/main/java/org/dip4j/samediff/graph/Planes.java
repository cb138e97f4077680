package org.dip4j.samediff.graph;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Access to the channel planes of 1×C×H×W maps for Java kernels: each plane is copied into a
 * per-thread scratch array, worked on while it is in cache, and copied back. Planes are spread
 * over the common fork-join pool (the caller plus one worker on a 2-core machine).
 */
final class Planes {
    private static final ThreadLocal<float[][]> FLOATS = ThreadLocal.withInitial(() -> new float[4][0]);
    private static final ThreadLocal<double[][]> DOUBLES = ThreadLocal.withInitial(() -> new double[4][0]);

    private Planes() {
    }

    /** The array's data, which must be a whole c-ordered array (the plan allocates them so). */
    static FloatBuffer floats(INDArray a) {
        check(a, DataType.FLOAT);
        return a.data().asNioFloat();
    }

    static DoubleBuffer doubles(INDArray a) {
        check(a, DataType.DOUBLE);
        return a.data().asNioDouble();
    }

    private static void check(INDArray a, DataType type) {
        if (a.dataType() != type || a.offset() != 0 || a.ordering() != 'c' || a.isView() && !isWhole(a)) {
            throw new IllegalArgumentException("a Java kernel needs whole c-ordered " + type + " arrays, got " + a.shapeInfoToString());
        }
    }

    private static boolean isWhole(INDArray a) {
        long[] strides = org.nd4j.linalg.factory.Nd4j.getStrides(a.shape(), 'c');
        return java.util.Arrays.equals(strides, a.stride());
    }

    /** Scratch array {@code slot} (0–3) of this thread, at least {@code length} long. */
    static float[] floatScratch(int slot, int length) {
        float[][] s = FLOATS.get();
        if (s[slot].length < length) {
            s[slot] = new float[length];
        }
        return s[slot];
    }

    static double[] doubleScratch(int slot, int length) {
        double[][] s = DOUBLES.get();
        if (s[slot].length < length) {
            s[slot] = new double[length];
        }
        return s[slot];
    }

    /** Runs {@code perPlane} for planes 0..count−1, in parallel when the planes are worth it. */
    static void forEach(int count, long planeSize, java.util.function.IntConsumer perPlane) {
        if (count > 1 && count * planeSize >= 32_768) {
            IntStream.range(0, count).parallel().forEach(perPlane);
        } else {
            for (int c = 0; c < count; c++) {
                perPlane.accept(c);
            }
        }
    }
}
