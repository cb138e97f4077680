package org.dip4j.samediff.graph;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.dip4j.samediff.plan.ThreadScratch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Access to the channel planes of 1×C×H×W maps for Java kernels: each plane is copied into a
 * per-thread scratch array, worked on while it is in cache, and copied back. Planes are spread
 * over the common fork-join pool (the caller plus one worker on a 2-core machine).
 */
final class Planes {
    private static final ThreadScratch<float[][]> FLOATS = new ThreadScratch<>(() -> new float[4][0]);
    private static final ThreadScratch<double[][]> DOUBLES = new ThreadScratch<>(() -> new double[4][0]);

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

    /**
     * Below this many elements per call, planes run on the calling thread: handing work to a
     * second thread costs tens of microseconds, more than small maps take.
     */
    private static final long PARALLEL_MIN_ELEMENTS = 1 << 15;

    /**
     * Runs {@code perPlane} for planes 0..count−1, spread over the common fork-join pool and the
     * calling thread when the maps are large (ND4J's OpenMP threads sleep between native calls
     * when {@code OMP_WAIT_POLICY=passive}, as {@code ./dip} and the tests set it, so both cores
     * are free for these kernels).
     */
    static void forEach(int count, long planeSize, java.util.function.IntConsumer perPlane) {
        if (count > 1 && count * planeSize >= PARALLEL_MIN_ELEMENTS) {
            java.util.stream.IntStream.range(0, count).parallel().forEach(perPlane);
        } else {
            for (int c = 0; c < count; c++) {
                perPlane.accept(c);
            }
        }
    }

    /** One plane in, one plane out, as doubles. */
    @FunctionalInterface
    interface PlaneMap {
        void apply(double[] in, double[] out);
    }

    /** One plane in, one plane out, as floats. */
    @FunctionalInterface
    interface FloatPlaneMap {
        void apply(float[] in, float[] out);
    }

    /**
     * A step applying a map to each channel plane of {@code in} (1×C×h×w), writing the planes of
     * {@code out} (1×C×h'×w'): {@code floatMap} for float maps, {@code doubleMap} for double ones.
     */
    static org.dip4j.samediff.plan.PlanStep perPlane(String type, INDArray in, INDArray out, PlaneMap doubleMap,
            FloatPlaneMap floatMap) {
        int channels = (int) in.size(1);
        int n = (int) (in.length() / channels);
        int m = (int) (out.length() / channels);
        Runnable run;
        if (in.dataType() == DataType.FLOAT) {
            FloatBuffer src = floats(in);
            FloatBuffer dst = floats(out);
            run = () -> forEach(channels, Math.max(n, m), c -> {
                float[] a = floatScratch(0, n);
                float[] b = floatScratch(1, m);
                src.get(c * n, a, 0, n);
                floatMap.apply(a, b);
                dst.put(c * m, b, 0, m);
            });
        } else {
            DoubleBuffer src = doubles(in);
            DoubleBuffer dst = doubles(out);
            run = () -> forEach(channels, Math.max(n, m), c -> {
                double[] a = doubleScratch(0, n);
                double[] b = doubleScratch(1, m);
                src.get(c * n, a, 0, n);
                doubleMap.apply(a, b);
                dst.put(c * m, b, 0, m);
            });
        }
        return new org.dip4j.samediff.plan.JavaStep(type, run);
    }
}
