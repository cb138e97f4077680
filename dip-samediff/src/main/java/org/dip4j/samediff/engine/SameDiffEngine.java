package org.dip4j.samediff.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.RunEngine;
import org.dip4j.api.run.RunRequest;
import org.jspecify.annotations.Nullable;

/**
 * The SameDiff engine behind {@link org.dip4j.api.run.Dip}: prepares the {@link Restoration},
 * runs it with the request's listeners and optional run folder, and returns the result. Found
 * by {@link java.util.ServiceLoader}; holds no state, so runs may go on in parallel.
 */
public final class SameDiffEngine implements RunEngine {
    @Override
    public DipResult run(RunRequest request) {
        Path dir = request.runFolder();
        Checkpoint resume = null;
        if (dir != null) {
            boolean holds = RunFolder.holdsRun(dir);
            switch (request.folder()) {
                case REFUSE -> {
                    if (holds) {
                        throw new InvalidInputException(dir + " already holds a run; continue it (dip resume " + dir
                                + "), replace it, or choose a fresh folder");
                    }
                }
                case RESUME -> {
                    Path file = dir.resolve(Checkpoint.FILE);
                    resume = java.nio.file.Files.isRegularFile(file) ? Checkpoint.read(file) : null;
                }
                case REPLACE -> { }
            }
        }
        Restoration restoration = Restoration.prepare(request.config(), request.registry(), request.baseDirectory(),
                request.images());
        if (request.cancel().get()) {
            throw new CancellationException("cancelled before the first iteration: nothing was run or written");
        }
        if (dir != null && request.folder() == RunRequest.FolderMode.REPLACE && RunFolder.holdsRun(dir)) {
            RunFolder.clearRun(dir);
        }
        int first = resume == null ? 0 : resume.iteration();
        RunObserver listeners = new ListenerObserver(request.listeners(), restoration.settings(), first);
        RunObserver observer = dir == null ? listeners
                : RunObserver.all(new RunFolder(dir, request.config(), request.registry(), resume == null ? -1 : first),
                        listeners);
        RunResult r = restoration.run(observer, request.cancel(), dir, resume);
        DipResult result = result(r, restoration, dir);
        for (org.dip4j.api.run.ProgressListener l : request.listeners()) {
            l.finished(result);
        }
        return result;
    }

    static DipResult result(RunResult r, Restoration restoration, @Nullable Path dir) {
        Map<String, Image> outputs = new LinkedHashMap<>();
        outputs.put(DipResult.RESULT, r.output());
        outputs.put("result_smoothed", r.smoothedOutput());
        if (r.earlyStop() != null) {
            outputs.put("result_early_stop", r.earlyStop().output());
        }
        Map<String, Image> inputs = new LinkedHashMap<>();
        restoration.problem().inputsToSave().forEach((file, image) ->
                inputs.put(file.endsWith(".png") ? file.substring(0, file.length() - 4) : file, image));
        return new DipResult(r.task(), r.iterations(), restoration.settings().iterations(), r.seconds(),
                r.interrupted(), r.restores(), r.metrics(), outputs, inputs, dir);
    }
}
