package org.dip4j.api.run;

import org.apiguardian.api.API;

/**
 * Follows a run. Callbacks run on the run's thread, between iterations: keep them quick (hand
 * work to another thread). An exception thrown here ends the run with that exception.
 */
@API(status = API.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface ProgressListener {
    /** Once the network is built, before the first iteration. */
    default void started(RunStart start) {}

    /** After every iteration, in order. */
    void progress(Progress progress);

    /** The divergence guard restored the last good parameters at {@code iteration}. */
    default void restored(int iteration, double psnrDrop, int restores) {}

    /** After the last iteration (or a cancellation), with the result the run returns. */
    default void finished(DipResult result) {}
}
