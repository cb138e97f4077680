package org.dip4j.samediff.plan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A value per thread for kernels' scratch arrays, kept for the thread's life. Not a
 * {@link ThreadLocal}: the common fork-join pool's workers, which run the kernels' parallel
 * streams, erase their thread locals after every task (Java 17), so a thread-local scratch was
 * allocated afresh on every call there (measured: ~280 MB of float arrays in 20 steps of the fast
 * network at 256², with a young collection every second step). Meant for small arrays: a dead
 * thread's value is dropped when the next new thread asks for one.
 */
public final class ThreadScratch<T> {
    private final Map<Thread, T> values = new ConcurrentHashMap<>();
    private final Supplier<T> initial;

    public ThreadScratch(Supplier<T> initial) {
        this.initial = initial;
    }

    /** This thread's value, created on its first call. */
    public T get() {
        Thread t = Thread.currentThread();
        T v = values.get(t);
        if (v == null) {
            values.keySet().removeIf(thread -> !thread.isAlive()); // a new thread is rare: drop the dead's
            v = initial.get();
            values.put(t, v);
        }
        return v;
    }
}
