package org.dip4j.spark;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Limits the native threads of ND4J, so that several runs sharing an executor's cores do not each
 * start one thread per core. Runs with different thread counts may round differently; a run
 * compared across JVMs must use the same count in both.
 */
public final class NativeThreads {
    private NativeThreads() {}

    /**
     * Sets libnd4j's own thread pools to {@code threads} (process-wide) and the OpenMP team size of
     * the calling thread (what oneDNN's kernels use), which must be the thread that then runs.
     */
    public static void limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
