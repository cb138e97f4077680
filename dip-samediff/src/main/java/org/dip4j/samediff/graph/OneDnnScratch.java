package org.dip4j.samediff.graph;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Working memory for oneDNN's layout copies and scratchpads, shared by every convolution a thread
 * runs. A convolution's copies live only during its own call and calls run one after another, so
 * slot i of every convolution can be the same buffer, as large as the largest need: the F16
 * network at 256² keeps its extra memory to one call's worth instead of one per convolution (peak
 * RSS 2,019 → 1,488 MB). One set per thread, in a {@link ThreadLocal} so that it is freed with
 * its thread: runs in parallel threads do not share, and a plan runs on its caller's thread (not
 * in the fork-join pool, whose workers erase thread locals after each task).
 */
final class OneDnnScratch {
    private static final ThreadLocal<OneDnnScratch> PER_THREAD = ThreadLocal.withInitial(OneDnnScratch::new);
    private static final int ALIGNMENT = 64; // a cache line; oneDNN's own buffers are aligned so

    private final List<BytePointer> buffers = new ArrayList<>();
    private final List<Pointer> aligned = new ArrayList<>();

    static OneDnnScratch current() {
        return PER_THREAD.get();
    }

    /** The start of slot {@code i}, at least {@code bytes} long; valid until a larger request for the slot. */
    Pointer slot(int i, long bytes) {
        while (buffers.size() <= i) {
            buffers.add(new BytePointer((Pointer) null));
            aligned.add(new Pointer((Pointer) null));
        }
        BytePointer b = buffers.get(i);
        if (b.isNull() || b.capacity() < bytes + ALIGNMENT) {
            if (!b.isNull()) {
                b.deallocate();
            }
            b = new BytePointer(bytes + ALIGNMENT);
            if (b.isNull()) {
                throw new OutOfMemoryError("oneDNN working memory: " + bytes + " bytes");
            }
            buffers.set(i, b);
            long shift = (ALIGNMENT - b.address() % ALIGNMENT) % ALIGNMENT;
            aligned.set(i, new Pointer(b).position(shift));
        }
        return aligned.get(i);
    }
}
