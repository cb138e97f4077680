package org.dip4j.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.DipRun;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.api.run.RunBuilder;
import org.dip4j.api.run.RunStart;

/** Runs restorations through the embedding API ({@link Dip}), writing each into its run folder. */
final class LibraryExecutor implements RunExecutor {
    private final PluginRegistry registry;
    private final ClassLoader loader;

    LibraryExecutor(PluginRegistry registry, ClassLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    @Override
    public Outcome run(Config config, Path folder, boolean resume, Progress progress, StopSignal stop) {
        RunBuilder builder = resume ? Dip.resume(folder) : Dip.config(config).runFolder(folder).replaceRunFolder();
        DipRun[] built = new DipRun[1];
        DipRun run = builder.plugins(loader).plugins(registry).baseDirectory(folder)
                .onProgress(new ProgressListener() {
                    private int snapshotEvery;

                    @Override
                    public void started(RunStart start) {
                        snapshotEvery = built[0].config().getInt("dip.run.snapshot-every");
                        progress.started(start.iterations(), start.metrics(), start.firstIteration());
                    }

                    @Override
                    public void progress(org.dip4j.api.run.Progress p) {
                        progress.iteration(p.done(), p.total());
                        if (p.logged()) {
                            progress.logged(p.iteration(), p.seconds(), p.metrics());
                        }
                        // The run folder has written this iteration's snapshot before the callback.
                        if (snapshotEvery > 0 && p.iteration() % snapshotEvery == 0) {
                            progress.snapshot(p.iteration(), "snapshots/iter_%06d.png".formatted(p.iteration()));
                        }
                    }
                })
                .build();
        built[0] = run;
        stop.onRequest(run::cancel);
        try {
            DipResult result = run.run();
            return new Outcome(result.iterations(), result.cancelled(), result.metrics());
        } catch (CancellationException e) {
            return new Outcome(0, true, Map.of()); // stopped before the first iteration: nothing was written
        }
    }
}
