package org.dip4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.run.ProgressListener;

/** Runs the specs one after another in this JVM; {@code stop} (Ctrl-C) ends the current run and skips the rest. */
public final class LocalExecutor implements RunExecutor {
    private final PluginRegistry registry;
    private final ProgressListener observer;
    private final AtomicBoolean stop;

    public LocalExecutor(PluginRegistry registry, ProgressListener observer, AtomicBoolean stop) {
        this.registry = registry;
        this.observer = observer;
        this.stop = stop;
    }

    @Override
    public List<RunRecord> execute(List<RunSpec> specs, Path experimentFolder) {
        List<RunRecord> records = new ArrayList<>();
        for (RunSpec spec : specs) {
            if (stop.get()) {
                records.add(new RunRecord(spec.id(), RunRecord.Status.INTERRUPTED, 0, 0, java.util.Map.of(), null));
                continue;
            }
            records.add(SingleRun.execute(spec, experimentFolder.resolve(spec.id()), registry, observer, stop));
        }
        return records;
    }
}
