package org.dip4j.samediff.graph;

/**
 * Whether the float Java kernels may use the JDK's vector API ({@code jdk.incubator.vector}):
 * only when the JVM was started with {@code --add-modules jdk.incubator.vector} (as {@code ./dip}
 * and the tests do) and {@code -Ddip.vector-kernels=false} does not turn it off. Without it the
 * kernels run as plain Java loops, a few times slower, with the same results up to rounding.
 */
final class VectorKernels {
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("dip.vector-kernels"));

    private VectorKernels() {
    }
}
