package org.dip4j.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stop request that an executor can poll (the engine's flag) or be called back on (a cancellable handle). */
final class StopSignal {
    private final AtomicBoolean flag = new AtomicBoolean();
    private final List<Runnable> callbacks = new ArrayList<>();

    /** The flag the engine polls after every iteration. */
    AtomicBoolean flag() {
        return flag;
    }

    boolean requested() {
        return flag.get();
    }

    /** Runs {@code callback} on a stop request, at once if one was made already. */
    void onRequest(Runnable callback) {
        synchronized (callbacks) {
            if (!flag.get()) {
                callbacks.add(callback);
                return;
            }
        }
        callback.run();
    }

    /** Clears a request, for a run queued again. */
    void reset() {
        synchronized (callbacks) {
            flag.set(false);
            callbacks.clear();
        }
    }

    void request() {
        List<Runnable> toRun;
        synchronized (callbacks) {
            if (flag.getAndSet(true)) {
                return;
            }
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }
}
