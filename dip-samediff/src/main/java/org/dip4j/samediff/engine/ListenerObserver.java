package org.dip4j.samediff.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dip4j.api.Image;
import org.dip4j.api.run.Progress;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.api.run.RunStart;

/** Passes a run's events to the embedding API's {@link ProgressListener}s. */
final class ListenerObserver implements RunObserver {
    private final List<ProgressListener> listeners;
    private final RunSettings settings;
    private final int first;
    private int lastLogged = -1;
    /** The iteration whose callback is running, or −1: a {@link Progress}'s output is made only then. */
    private volatile int current = -1;

    ListenerObserver(List<ProgressListener> listeners, RunSettings settings, int first) {
        this.listeners = listeners;
        this.settings = settings;
        this.first = first;
    }

    @Override
    public void started(RunInfo info) {
        var p = info.problem();
        RunStart start = new RunStart(settings.task(), p.outputChannels(), p.outputHeight(), p.outputWidth(),
                settings.architecture(), info.parameterCount(), first, settings.iterations(), info.lossWeights(),
                info.metricIds(), info.backend());
        for (ProgressListener l : listeners) {
            l.started(start);
        }
    }

    @Override
    public void logged(int iteration, double seconds, Map<String, Double> metrics) {
        lastLogged = iteration;
    }

    @Override
    public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics,
            Supplier<Image> output) {
        if (listeners.isEmpty()) {
            return;
        }
        Supplier<Image> guarded = () -> {
            if (current != iteration) {
                throw new IllegalStateException("the output of iteration " + iteration
                        + " is only available inside its progress callback");
            }
            return output.get();
        };
        Progress progress = new Progress(iteration, total, seconds, lastMetrics, lastLogged == iteration, guarded);
        current = iteration;
        try {
            for (ProgressListener l : listeners) {
                l.progress(progress);
            }
        } finally {
            current = -1;
        }
    }

    @Override
    public void restored(int iteration, double psnrDrop, int restores) {
        for (ProgressListener l : listeners) {
            l.restored(iteration, psnrDrop, restores);
        }
    }
}
