package org.dip4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dip4j.samediff.engine.RunInfo;
import org.dip4j.samediff.engine.RunObserver;
import org.dip4j.samediff.engine.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of an experiment on the terminal: a line when each run starts ("run k of n", its id
 * and the experiment's ETA from the runs done so far), then the usual {@link ProgressBar} of the
 * run. Runs start in the order of {@code pending} (the runs not finished before), which is the
 * order a local executor runs them in.
 */
final class ExperimentProgress implements RunObserver {
    private static final Logger log = LoggerFactory.getLogger("dip");
    private final List<String> pending;
    private final int total;
    private final ProgressBar bar;
    private int started;
    private int done;
    private double secondsDone;
    private long runStart;

    ExperimentProgress(List<String> pending, int total, boolean interactive) {
        this.pending = List.copyOf(pending);
        this.total = total;
        this.bar = new ProgressBar(interactive);
    }

    @Override
    public void started(RunInfo info) {
        String id = started < pending.size() ? pending.get(started) : "?";
        started++;
        runStart = System.nanoTime();
        int remaining = pending.size() - started + 1;
        String eta = done == 0 ? "" : " · experiment ETA " + ProgressBar.duration(secondsDone / done * remaining);
        log.info("run {} of {} pending ({} in the grid): {}{}", started, pending.size(), total, id, eta);
        ProgressBar.reset();
        bar.started(info);
    }

    @Override
    public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
        bar.iterationDone(iteration, total, seconds, lastMetrics);
    }

    @Override
    public void logged(int iteration, double seconds, Map<String, Double> metrics) {
        bar.logged(iteration, seconds, metrics);
    }

    @Override
    public void restored(int iteration, double psnrDrop, int restores) {
        bar.restored(iteration, psnrDrop, restores);
    }

    @Override
    public void finished(RunResult result) {
        bar.finished(result);
        if (!result.interrupted()) {
            done++;
            secondsDone += (System.nanoTime() - runStart) / 1e9;
        }
        log.info(String.format(Locale.ROOT, "run %d of %d %s after %s: %s", started, pending.size(),
                result.interrupted() ? "interrupted" : "finished", ProgressBar.duration(result.seconds()),
                ProgressBar.metrics(result.metrics())));
    }
}
