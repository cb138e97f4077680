package org.dip4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.Progress;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.api.run.RunStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of an experiment on the terminal: a line when each run starts ("run k of n", its id
 * and the experiment's ETA from the runs done so far), then the usual {@link ProgressBar} of the
 * run. Runs start in the order of {@code pending} (the runs not finished before), which is the
 * order a local executor runs them in.
 */
final class ExperimentProgress implements ProgressListener {
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
    public void started(RunStart start) {
        String id = started < pending.size() ? pending.get(started) : "?";
        started++;
        runStart = System.nanoTime();
        int remaining = pending.size() - started + 1;
        String eta = done == 0 ? "" : " · experiment ETA " + ProgressBar.duration(secondsDone / done * remaining);
        log.info("run {} of {} pending ({} in the grid): {}{}", started, pending.size(), total, id, eta);
        ProgressBar.reset();
        bar.started(start);
    }

    @Override
    public void progress(Progress p) {
        bar.progress(p);
    }

    @Override
    public void restored(int iteration, double psnrDrop, int restores) {
        bar.restored(iteration, psnrDrop, restores);
    }

    @Override
    public void finished(DipResult result) {
        ProgressBar.clear();
        if (!result.cancelled()) {
            done++;
            secondsDone += (System.nanoTime() - runStart) / 1e9;
        }
        log.info(String.format(Locale.ROOT, "run %d of %d %s after %s: %s", started, pending.size(),
                result.cancelled() ? "interrupted" : "finished", ProgressBar.duration(result.seconds()),
                ProgressBar.metrics(result.metrics())));
    }
}
