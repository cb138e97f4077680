package org.dip4j.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Configs;
import org.dip4j.api.DipException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.engine.Checkpoint;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.DipRun;
import org.dip4j.api.run.ProgressListener;
import org.jspecify.annotations.Nullable;

/**
 * Executes one {@link RunSpec} into its folder, in this JVM: the building block of every
 * {@link RunExecutor}. A finished folder is read back instead of run again; a folder with a
 * checkpoint but no summary (a run killed midway) continues from its checkpoint.
 */
public final class SingleRun {
    static final String SUMMARY = "summary.json";

    private SingleRun() {}

    /**
     * Runs {@code spec} into {@code folder} with the plugins of {@code registry}; {@code observer}
     * sees the run as well (progress display), {@code stop} ends it early. Errors of the run
     * (bad input, divergence) become a {@link RunRecord.Status#FAILED} record, never an exception.
     */
    public static RunRecord execute(RunSpec spec, Path folder, PluginRegistry registry, ProgressListener observer,
            AtomicBoolean stop) {
        if (isFinished(folder)) {
            RunRecord done = read(spec.id(), folder);
            return new RunRecord(done.id(), RunRecord.Status.ALREADY_DONE, done.iterations(), done.seconds(),
                    done.metrics(), null);
        }
        try {
            // Through the embedding API, as every run of the CLI; a stopped run continues from its checkpoint.
            AtomicReference<@Nullable DipRun> self = new AtomicReference<>();
            ProgressListener stopping = p -> {
                DipRun run = self.get();
                if (stop.get() && run != null) {
                    run.cancel();
                }
            };
            DipRun run = Dip.config(ConfigFactory.parseString(spec.config())).plugins(registry)
                    .baseDirectory(Path.of(spec.workingDirectory())).runFolder(folder).resumeRunFolder()
                    .onProgress(observer).onProgress(stopping).build();
            self.set(run);
            if (stop.get()) {
                run.cancel();
            }
            DipResult result = run.run();
            return new RunRecord(spec.id(), result.cancelled() ? RunRecord.Status.INTERRUPTED : RunRecord.Status.FINISHED,
                    result.iterations(), result.seconds(), result.metrics(), null);
        } catch (CancellationException e) {
            return new RunRecord(spec.id(), RunRecord.Status.INTERRUPTED, 0, 0, Map.of(), null);
        } catch (DipException | IllegalArgumentException | com.typesafe.config.ConfigException e) {
            return RunRecord.failed(spec.id(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The checkpoint a run stopped midway left in {@code folder}, or null. */
    public static @Nullable Checkpoint checkpointIn(Path folder) {
        Path file = folder.resolve(Checkpoint.FILE);
        return Files.isRegularFile(file) ? Checkpoint.read(file) : null;
    }

    /** True when {@code folder} holds a run that reached its end (summary written, not interrupted). */
    public static boolean isFinished(Path folder) {
        Path summary = folder.resolve(SUMMARY);
        return Files.isRegularFile(summary) && !ConfigFactory.parseFile(summary.toFile()).getBoolean("interrupted");
    }

    /** The record of a finished run folder, from its {@code summary.json}. */
    public static RunRecord read(String id, Path folder) {
        Config summary = ConfigFactory.parseFile(folder.resolve(SUMMARY).toFile());
        Map<String, Double> metrics = new LinkedHashMap<>();
        Config m = summary.getConfig("metrics");
        summary.getObject("metrics").keySet().forEach(k -> metrics.put(k,
                m.getIsNull(k) ? Double.NaN : m.getDouble(k)));
        return new RunRecord(id, summary.getBoolean("interrupted") ? RunRecord.Status.INTERRUPTED
                : RunRecord.Status.FINISHED, summary.getInt("iterations"), summary.getDouble("seconds"), metrics, null);
    }
}
