package org.dip4j.samediff.graph;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCRATCHPAD;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.global.dnnl.scratchpad_mode;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Pointer;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The primitives of one convolution, forward and backward, bound to a run's arrays. oneDNN picks
 * its own (blocked) layouts; each operand is copied into it and each result out of it once per
 * call, and the weights once per call too (they change every step). 3×3 convolutions at stride 1
 * use Winograd's F(4×4, 3×3) where oneDNN offers it (AVX-512), else the direct algorithm.
 * Winograd rounds differently: about 2e-6 relative on the forward output against 1e-7 for the
 * direct algorithm (132 channels).
 */
final class OneDnnConvKernel {
    /** The sizes of a convolution of x (N×C×H×W) by W (kH×kW×C×O). */
    record Geometry(long batch, long channels, long height, long width, long outChannels, long kernelHeight,
            long kernelWidth, int stride, int padding) {
        static Geometry of(INDArray x, INDArray w, int stride, int padding) {
            long[] s = x.shape();
            long[] k = w.shape();
            if (s.length != 4 || k.length != 4 || k[2] != s[1]) {
                throw new IllegalArgumentException("convolution of " + java.util.Arrays.toString(s) + " by weights "
                        + java.util.Arrays.toString(k) + ": expected N×C×H×W and kH×kW×C×O");
            }
            return new Geometry(s[0], s[1], s[2], s[3], k[3], k[0], k[1], stride, padding);
        }

        long[] inputShape() {
            return new long[] {batch, channels, height, width};
        }

        long[] outputShape() {
            return new long[] {batch, outChannels, (height + 2L * padding - kernelHeight) / stride + 1,
                    (width + 2L * padding - kernelWidth) / stride + 1};
        }

        /** oneDNN's order (O, C, kH, kW); SameDiff's kH×kW×C×O is oneDNN's "hwio" layout of it. */
        long[] weightDims() {
            return new long[] {outChannels, channels, kernelHeight, kernelWidth};
        }

        boolean suitsWinograd() {
            return kernelHeight == 3 && kernelWidth == 3 && stride == 1;
        }
    }

    private final Geometry g;
    private final boolean bias;
    private final primitive_attr attributes = userScratchpad();
    private final algorithm method;
    private final convolution_forward.primitive_desc forward;

    OneDnnConvKernel(Geometry g, boolean bias) {
        this.g = g;
        this.bias = bias;
        convolution_forward.@Nullable primitive_desc winograd = g.suitsWinograd()
                ? forwardDescriptor(algorithm.convolution_winograd) : null;
        this.method = winograd != null ? algorithm.convolution_winograd : algorithm.convolution_direct;
        this.forward = winograd != null ? winograd : direct();
    }

    private convolution_forward.primitive_desc direct() {
        convolution_forward.@Nullable primitive_desc d = forwardDescriptor(algorithm.convolution_direct);
        if (d == null) {
            throw new IllegalStateException("oneDNN has no direct convolution for " + g);
        }
        return d;
    }

    boolean usesWinograd() {
        return method == algorithm.convolution_winograd;
    }

    /** y = W ⋆ x + b. */
    Runnable forward(INDArray x, INDArray w, @Nullable INDArray b, INDArray y) {
        Calls calls = new Calls();
        IntMemoryMap args = new IntMemoryMap();
        args.put(DNNL_ARG_SRC, calls.in(OneDnn.wrap(x, g.inputShape(), memory.format_tag.nchw), forward.src_desc(),
                Slot.MAP_A));
        args.put(DNNL_ARG_WEIGHTS, calls.in(OneDnn.wrap(w, g.weightDims(), memory.format_tag.hwio),
                forward.weights_desc(), Slot.WEIGHTS));
        if (b != null) {
            args.put(DNNL_ARG_BIAS, calls.in(OneDnn.wrap(b, new long[] {g.outChannels}, memory.format_tag.x),
                    forward.bias_desc(), Slot.BIAS));
        }
        args.put(DNNL_ARG_DST, calls.outTo(OneDnn.wrap(y, g.outputShape(), memory.format_tag.nchw),
                forward.dst_desc(), Slot.MAP_B));
        calls.compute(new convolution_forward(forward), forward.scratchpad_desc(), args);
        return calls.bound();
    }

    /**
     * dx = Wᵀ ⋆ dy, then dW = x ⋆ dy and db = Σ dy. dx is copied out before x is copied in, so the
     * two copies share a slot.
     */
    Runnable backward(INDArray x, INDArray w, INDArray dy, INDArray dx, INDArray dw, @Nullable INDArray db) {
        convolution_backward_data.primitive_desc data = new convolution_backward_data.primitive_desc(
                new convolution_backward_data.desc(method, any(g.inputShape()), any(g.weightDims()),
                        any(g.outputShape()), strides(), paddings(), paddings()), attributes, OneDnn.engine(), forward);
        convolution_backward_weights.primitive_desc weights = new convolution_backward_weights.primitive_desc(
                bias ? new convolution_backward_weights.desc(method, any(g.inputShape()), any(g.weightDims()),
                        any(new long[] {g.outChannels}), any(g.outputShape()), strides(), paddings(), paddings())
                        : new convolution_backward_weights.desc(method, any(g.inputShape()), any(g.weightDims()),
                                any(g.outputShape()), strides(), paddings(), paddings()), attributes, OneDnn.engine(),
                forward);
        Calls calls = new Calls();
        memory dyUser = OneDnn.wrap(dy, g.outputShape(), memory.format_tag.nchw);
        memory dyData = calls.in(dyUser, data.diff_dst_desc(), Slot.MAP_A);
        IntMemoryMap dataArgs = new IntMemoryMap();
        dataArgs.put(DNNL_ARG_DIFF_DST, dyData);
        dataArgs.put(DNNL_ARG_WEIGHTS, calls.in(OneDnn.wrap(w, g.weightDims(), memory.format_tag.hwio),
                data.weights_desc(), Slot.WEIGHTS));
        dataArgs.put(DNNL_ARG_DIFF_SRC, calls.outTo(OneDnn.wrap(dx, g.inputShape(), memory.format_tag.nchw),
                data.diff_src_desc(), Slot.MAP_B));
        calls.compute(new convolution_backward_data(data), data.scratchpad_desc(), dataArgs);

        IntMemoryMap weightArgs = new IntMemoryMap();
        weightArgs.put(DNNL_ARG_SRC, calls.in(OneDnn.wrap(x, g.inputShape(), memory.format_tag.nchw),
                weights.src_desc(), Slot.MAP_B));
        weightArgs.put(DNNL_ARG_DIFF_DST, weights.diff_dst_desc().equals(data.diff_dst_desc()) ? dyData
                : calls.in(dyUser, weights.diff_dst_desc(), Slot.MAP_C));
        weightArgs.put(DNNL_ARG_DIFF_WEIGHTS, calls.outTo(OneDnn.wrap(dw, g.weightDims(), memory.format_tag.hwio),
                weights.diff_weights_desc(), Slot.WEIGHTS));
        if (db != null) {
            weightArgs.put(DNNL_ARG_DIFF_BIAS, calls.outTo(OneDnn.wrap(db, new long[] {g.outChannels},
                    memory.format_tag.x), weights.diff_bias_desc(), Slot.BIAS));
        }
        calls.compute(new convolution_backward_weights(weights), weights.scratchpad_desc(), weightArgs);
        return calls.bound();
    }

    private convolution_forward.@Nullable primitive_desc forwardDescriptor(algorithm method) {
        convolution_forward.desc d = bias
                ? new convolution_forward.desc(prop_kind.forward_training, method, any(g.inputShape()),
                        any(g.weightDims()), any(new long[] {g.outChannels}), any(g.outputShape()), strides(),
                        paddings(), paddings())
                : new convolution_forward.desc(prop_kind.forward_training, method, any(g.inputShape()),
                        any(g.weightDims()), any(g.outputShape()), strides(), paddings(), paddings());
        try {
            return new convolution_forward.primitive_desc(d, attributes, OneDnn.engine());
        } catch (RuntimeException unsupported) { // no implementation of this algorithm for these sizes here
            return null;
        }
    }

    private long[] strides() {
        return new long[] {g.stride, g.stride};
    }

    private long[] paddings() {
        return new long[] {g.padding, g.padding};
    }

    /** Scratchpads from {@link OneDnnScratch}, shared, instead of oneDNN allocating one per primitive. */
    private static primitive_attr userScratchpad() {
        primitive_attr a = new primitive_attr();
        a.set_scratchpad_mode(scratchpad_mode.user);
        return a;
    }

    private static memory.desc any(long[] dims) {
        return OneDnn.descriptor(dims, memory.format_tag.any);
    }

    /** The {@link OneDnnScratch} slots: what lives in each during a call. */
    private enum Slot {
        SCRATCHPAD, MAP_A, MAP_B, MAP_C, WEIGHTS, BIAS
    }

    /**
     * The calls of one step in order: copies into oneDNN's layouts, a primitive, copies of its
     * results back, and again. Copies are made only where oneDNN's layout differs from the
     * array's; they and the scratchpads live in {@link OneDnnScratch}'s slots, bound at each call.
     */
    private static final class Calls {
        private final List<Runnable> calls = new ArrayList<>();
        private final List<Runnable> pendingCopies = new ArrayList<>();
        private final List<memory> scratch = new ArrayList<>();
        private final List<Slot> slots = new ArrayList<>();
        private final stream stream = new stream(OneDnn.engine());

        /** The operand as {@code wanted}: the array itself, or a copy made before the next primitive. */
        memory in(memory user, memory.desc wanted, Slot slot) {
            if (user.get_desc().equals(wanted)) {
                return user;
            }
            memory internal = scratch(wanted, slot);
            reorder copy = new reorder(user, internal);
            calls.add(() -> copy.execute(stream, user, internal));
            return internal;
        }

        /** Where the next primitive writes a result in layout {@code produced}, copied into the array after it. */
        memory outTo(memory user, memory.desc produced, Slot slot) {
            if (user.get_desc().equals(produced)) {
                return user;
            }
            memory internal = scratch(produced, slot);
            reorder copy = new reorder(internal, user);
            pendingCopies.add(() -> copy.execute(stream, internal, user));
            return internal;
        }

        void compute(primitive p, memory.desc scratchpad, IntMemoryMap args) {
            if (scratchpad.get_size() > 0) {
                args.put(DNNL_ARG_SCRATCHPAD, scratch(scratchpad, Slot.SCRATCHPAD));
            }
            calls.add(() -> p.execute(stream, args));
            calls.addAll(pendingCopies);
            pendingCopies.clear();
        }

        /** A memory without storage of its own, in {@code slot}. */
        private memory scratch(memory.desc d, Slot slot) {
            memory m = new memory(d, OneDnn.engine(), new Pointer((Pointer) null));
            scratch.add(m);
            slots.add(slot);
            return m;
        }

        Runnable bound() {
            Runnable[] steps = calls.toArray(new Runnable[0]);
            memory[] memories = scratch.toArray(new memory[0]);
            int[] slotOf = slots.stream().mapToInt(Slot::ordinal).toArray();
            long[] bytes = new long[Slot.values().length]; // the slot's size: the largest of its memories
            for (int i = 0; i < memories.length; i++) {
                bytes[slotOf[i]] = Math.max(bytes[slotOf[i]], memories[i].get_desc().get_size());
            }
            return () -> {
                OneDnnScratch memory = OneDnnScratch.current();
                for (int i = 0; i < memories.length; i++) {
                    memories[i].set_data_handle(memory.slot(slotOf[i], bytes[slotOf[i]]));
                }
                for (Runnable step : steps) {
                    step.run();
                }
                stream._wait();
            };
        }
    }
}
