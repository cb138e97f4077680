package org.dip4j.samediff.engine;

import java.util.Map;
import java.util.function.Supplier;
import org.dip4j.api.Image;

/**
 * Follows a run: progress displays, run folders and tests implement the callbacks they need.
 * Callbacks run on the training thread; keep them quick.
 */
public interface RunObserver {
    default void started(RunInfo info) {}

    /** After every completed iteration (0-based index of the iteration just done). */
    default void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {}

    /**
     * As {@link #iterationDone(int, int, double, Map)}, with the step's output made on request
     * (a copy; valid during the call only). The loop calls this one.
     */
    default void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics,
            Supplier<Image> output) {
        iterationDone(iteration, total, seconds, lastMetrics);
    }

    /** The metrics logged at {@code iteration}; NaN marks a metric that does not apply. */
    default void logged(int iteration, double seconds, Map<String, Double> metrics) {}

    /** The current output, every {@code snapshot-every} iterations. */
    default void snapshot(int iteration, Image output) {}

    /** The divergence guard restored the last good parameters. */
    default void restored(int iteration, double psnrDrop, int restores) {}

    default void finished(RunResult result) {}

    /** Calls every observer in turn. */
    static RunObserver all(RunObserver... observers) {
        return new RunObserver() {
            @Override
            public void started(RunInfo info) {
                for (RunObserver o : observers) {
                    o.started(info);
                }
            }

            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
                for (RunObserver o : observers) {
                    o.iterationDone(iteration, total, seconds, lastMetrics);
                }
            }

            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics,
                    Supplier<Image> output) {
                for (RunObserver o : observers) {
                    o.iterationDone(iteration, total, seconds, lastMetrics, output);
                }
            }

            @Override
            public void logged(int iteration, double seconds, Map<String, Double> metrics) {
                for (RunObserver o : observers) {
                    o.logged(iteration, seconds, metrics);
                }
            }

            @Override
            public void snapshot(int iteration, Image output) {
                for (RunObserver o : observers) {
                    o.snapshot(iteration, output);
                }
            }

            @Override
            public void restored(int iteration, double psnrDrop, int restores) {
                for (RunObserver o : observers) {
                    o.restored(iteration, psnrDrop, restores);
                }
            }

            @Override
            public void finished(RunResult result) {
                for (RunObserver o : observers) {
                    o.finished(result);
                }
            }
        };
    }
}
