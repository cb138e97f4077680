package org.dip4j.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.dip4j.api.Configs;
import org.dip4j.api.Image;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.engine.Checkpoint;
import org.dip4j.samediff.engine.Restoration;
import org.dip4j.samediff.engine.RunFolder;
import org.dip4j.samediff.engine.RunInfo;
import org.dip4j.samediff.engine.RunObserver;
import org.dip4j.samediff.engine.RunResult;

/** Runs restorations with the engine's {@link Restoration} and {@link RunFolder}, as {@code dip run} and {@code dip resume} do. */
final class EngineExecutor implements RunExecutor {
    private final PluginRegistry registry;
    private final ClassLoader loader;

    EngineExecutor(PluginRegistry registry, ClassLoader loader) {
        this.registry = registry;
        this.loader = loader;
    }

    @Override
    public Outcome run(Config config, Path folder, boolean resume, Progress progress, StopSignal stop) {
        Checkpoint checkpoint = resume ? Checkpoint.read(folder.resolve(Checkpoint.FILE)) : null;
        Config user = resume ? Configs.parseFile(folder.resolve("run.conf")) : config;
        Config resolved = Configs.resolve(user, loader, registry);
        Restoration restoration = Restoration.prepare(resolved, registry, folder.toAbsolutePath());
        RunFolder files = new RunFolder(folder, resolved, registry, checkpoint == null ? -1 : checkpoint.iteration());
        int start = checkpoint == null ? 0 : checkpoint.iteration();
        RunObserver report = new RunObserver() {
            @Override
            public void started(RunInfo info) {
                progress.started(info.settings().iterations(), info.metricIds(), start);
            }

            @Override
            public void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
                progress.iteration(iteration + 1, total);
            }

            @Override
            public void logged(int iteration, double seconds, Map<String, Double> metrics) {
                progress.logged(iteration, seconds, metrics);
            }

            @Override
            public void snapshot(int iteration, Image output) {
                progress.snapshot(iteration, "snapshots/iter_%06d.png".formatted(iteration));
            }
        };
        // The folder first: a snapshot's file exists before the progress event names it.
        RunResult result = restoration.run(RunObserver.all(files, report), stop.flag(), folder, checkpoint);
        return new Outcome(result.iterations(), result.interrupted(), result.metrics());
    }
}
