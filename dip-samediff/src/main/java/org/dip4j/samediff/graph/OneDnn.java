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
 * {@code conv2d}/{@code conv2d_bp}, which pick the direct algorithm and copy every operand between
 * layouts on every call; called directly, 3×3 convolutions can use Winograd's algorithm (measured
 * 132→128 channels at 256²: forward 68 → 34 ms, backward 102 → 66 ms). Off with
 * {@code -Ddip.onednn=false}, on the CUDA backend, and where the natives do not load (other
 * platforms): then ND4J's convolution runs, with the same results up to rounding.
 */
final class OneDnn {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);

    static final boolean AVAILABLE = load();

    private OneDnn() {
    }

    private static boolean load() {
        if ("false".equals(System.getProperty("dip.onednn"))
                || !Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu")) {
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

    /** Whether a convolution in {@code type} runs through oneDNN here. */
    static boolean convolves(DataType type) {
        return AVAILABLE && type == DataType.FLOAT;
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
     * oneDNN's view of a float array in place, in layout {@code tag} (the array must be
     * contiguous and c-ordered: oneDNN reads and writes its memory directly).
     */
    static memory wrap(INDArray a, long[] dims, memory.format_tag tag) {
        if (a.dataType() != DataType.FLOAT || !java.util.Arrays.equals(a.stride(), Nd4j.getStrides(a.shape(), 'c'))) {
            throw new IllegalStateException("oneDNN needs contiguous c-ordered float arrays, got " + a.shapeInfoToString());
        }
        Pointer p = new Pointer(a.data().addressPointer()).position(a.offset() * a.data().getElementSize());
        return new memory(descriptor(dims, tag), engine(), p);
    }
}
