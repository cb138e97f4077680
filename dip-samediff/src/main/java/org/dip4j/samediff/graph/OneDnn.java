package org.dip4j.samediff.graph;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oneDNN 2.5 through JavaCPP's {@code dnnl} preset, called directly for the plan's float
 * convolutions on the CPU backend. ND4J M2.1 reaches its own oneDNN 2.3 only through
 * {@code conv2d}/{@code conv2d_bp}, which pick the direct algorithm for the forward pass and the
 * input gradient and copy every operand between layouts on every call; called directly, 3×3
 * convolutions use Winograd's algorithm (measured 132→128 channels at 256²: forward 68 → 34 ms,
 * backward 102 → 66 ms). Winograd needs AVX-512; without it oneDNN's direct algorithm is slower
 * than ND4J's path (F16 128² step, AVX2 only: 276 against 247 ms), so {@code -Ddip.onednn=auto}
 * (the default) calls oneDNN only where it has Winograd; {@code true} always, {@code false}
 * never. Never on the CUDA backend or where the natives do not load (other platforms): then
 * ND4J's convolution runs, with the same results up to rounding.
 */
final class OneDnn {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);

    /** Whether oneDNN's natives are loaded (CPU backend, Linux x86-64). */
    static final boolean AVAILABLE = load();

    private OneDnn() {
    }

    private static boolean load() {
        if (!Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu")) {
            return false;
        }
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, or a class missing: the natives are not here
            LOG.debug("oneDNN (JavaCPP) not available, convolutions run in ND4J: {}", e.toString());
            return false;
        }
    }

    /** Whether a convolution in {@code type} runs through oneDNN here ({@code -Ddip.onednn}). */
    static boolean convolves(DataType type) {
        if (!AVAILABLE || type != DataType.FLOAT) {
            return false;
        }
        String setting = System.getProperty("dip.onednn", "auto");
        return switch (setting) {
            case "auto" -> hasWinograd();
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "-Ddip.onednn=" + setting + " is not a choice; use auto, true or false");
        };
    }

    /** Whether oneDNN offers Winograd's algorithm on this CPU (AVX-512). */
    static boolean hasWinograd() {
        return AVAILABLE && Probe.WINOGRAD;
    }

    /** Whether oneDNN offers Winograd on this CPU, tried once on a small 3×3 convolution. */
    private static final class Probe {
        static final boolean WINOGRAD = new OneDnnConvKernel(
                new OneDnnConvKernel.Geometry(1, 16, 10, 10, 16, 3, 3, 1, 0), true).usesWinograd();
    }

    /** The CPU engine, created on first use (holder class: thread-safe, no lock). */
    static engine engine() {
        return Cpu.ENGINE;
    }

    private static final class Cpu {
        static final engine ENGINE = new engine(engine.kind.cpu, 0);
    }

    static memory.desc descriptor(long[] dims, memory.format_tag tag) {
        return new memory.desc(dims, memory.data_type.f32, tag);
    }

    /**
     * oneDNN's view of a float array in place, in layout {@code tag}: a whole c-ordered array, as
     * the Java kernels need ({@link Planes#floats} checks it), since oneDNN reads and writes its
     * memory directly.
     */
    static memory wrap(INDArray a, long[] dims, memory.format_tag tag) {
        Planes.floats(a);
        return new memory(descriptor(dims, tag), engine(), new Pointer(a.data().addressPointer()));
    }
}
