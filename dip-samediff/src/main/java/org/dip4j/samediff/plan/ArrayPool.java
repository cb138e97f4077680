package org.dip4j.samediff.plan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Buffers shared by the arrays of a plan whose lifetimes do not overlap. The compiler asks for
 * an array when an op produces it and releases it after its last reader has run; a released
 * buffer is handed to the next array of the same type that fits (the smallest that does), so a
 * step needs about the memory of its widest point instead of the sum of all its arrays.
 */
final class ArrayPool {
    private static final class Buffer {
        final DataType type;
        final long capacity;
        final DataBuffer data;
        boolean free;

        Buffer(DataType type, long capacity) {
            this.type = type;
            this.capacity = capacity;
            this.data = Nd4j.createBufferDetached(new long[] {capacity}, type);
        }
    }

    private final List<Buffer> buffers = new ArrayList<>();
    private final Map<INDArray, Buffer> owners = new IdentityHashMap<>();
    private final boolean share;

    /** @param share false gives every array its own buffer (for checking that sharing changes nothing) */
    ArrayPool(boolean share) {
        this.share = share;
    }

    INDArray allocate(DataType type, long[] shape) {
        long length = 1;
        for (long s : shape) {
            length *= s;
        }
        if (length == 0) {
            return Nd4j.create(type, shape);
        }
        Buffer best = null;
        if (share) {
            for (Buffer b : buffers) {
                if (b.free && b.type == type && b.capacity >= length && (best == null || b.capacity < best.capacity)) {
                    best = b;
                }
            }
        }
        if (best == null) {
            best = new Buffer(type, length);
            buffers.add(best);
        }
        best.free = false;
        INDArray array = Nd4j.create(best.data, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', type);
        owners.put(array, best);
        return array;
    }

    /** Makes the buffer of {@code array} (from {@link #allocate}) available again; other arrays are ignored. */
    void release(INDArray array) {
        Buffer b = owners.get(array);
        if (b != null) {
            b.free = true;
        }
    }

    /** Bytes held by all buffers. */
    long bytes() {
        long n = 0;
        for (Buffer b : buffers) {
            n += b.capacity * b.type.width();
        }
        return n;
    }
}
