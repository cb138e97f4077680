package org.dip4j.serve;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dip4j.api.InvalidInputException;
import org.dip4j.samediff.engine.Checkpoint;
import org.dip4j.samediff.engine.RunFolder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs under one folder: those this server queued (live state) and every other run folder
 * there. Runs execute on {@code parallel} threads of their own; a run that fails is marked
 * failed and the others go on.
 */
final class Runs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);
    /** What a run id (a folder name) may be: no separators, no leading dot, so never a path. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;
    private final RunExecutor executor;
    private final ExecutorService pool;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();

    Runs(Path root, RunExecutor executor, int parallel, ClassLoader loader) {
        this.root = root;
        this.executor = executor;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "dip-serve-run-" + n.incrementAndGet());
            t.setContextClassLoader(loader); // plugins' classes and reference.conf files
            t.setDaemon(true);
            return t;
        });
    }

    Path root() {
        return root;
    }

    /** A fresh folder for a new run of {@code task}: {@code <task>-<time>}, with a suffix when taken. */
    synchronized Path newFolder(String task) {
        String stamp = task + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int i = 1; ; i++) {
            Path dir = root.resolve(i == 1 ? stamp : stamp + "-" + i);
            if (!Files.exists(dir)) {
                try {
                    return Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Queues the run prepared in {@code folder}; returns its id. */
    String submit(Path folder, String task, Config config, int iterations) {
        write(folder.resolve(RunFiles.REQUEST), "# The settings dip serve was asked for (before defaults).\n"
                + config.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false)));
        String id = folder.getFileName().toString();
        ActiveRun run = new ActiveRun(id, folder, task, config, iterations);
        active.put(id, run);
        pool.execute(() -> execute(run, false));
        return id;
    }

    private void execute(ActiveRun run, boolean resume) {
        if (!run.begin()) {
            return; // stopped while queued
        }
        try {
            deleteIfExists(run.folder.resolve(RunFiles.ERROR));
            RunExecutor.Outcome outcome = executor.run(run.config(), run.folder, resume, run, run.stop());
            run.outcome(outcome);
            run.finish(outcome.interrupted() ? Status.STOPPED : Status.DONE, null);
        } catch (InvalidInputException e) {
            fail(run, Json.message(e));
        } catch (RuntimeException | LinkageError | AssertionError | OutOfMemoryError e) {
            LOG.error("run {} failed", run.id, e);
            fail(run, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void fail(ActiveRun run, @Nullable String message) {
        String m = message == null || message.isBlank() ? "the run failed" : message.strip().lines().findFirst().orElse("");
        write(run.folder.resolve(RunFiles.ERROR), m + "\n");
        run.finish(Status.FAILED, m);
    }

    /** Every run, newest first. */
    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> ID.matcher(p.getFileName().toString()).matches())
                        .filter(p -> active.containsKey(p.getFileName().toString()) || RunFiles.isRun(p))
                        .forEach(folders::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        folders.sort(Comparator.comparing(Runs::modified).reversed());
        for (Path p : folders) {
            Map<String, Object> v = view(p.getFileName().toString());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The run folder of {@code id}, or null when {@code id} is no run (or no valid id). */
    @Nullable Path folder(String id) {
        if (!ID.matcher(id).matches()) {
            return null;
        }
        Path p = root.resolve(id);
        return active.containsKey(id) || RunFiles.isRun(p) ? p : null;
    }

    /** The run's view for the API, with the files of its folder; null when there is no such run. */
    @Nullable Map<String, Object> view(String id) {
        Path p = folder(id);
        if (p == null) {
            return null;
        }
        ActiveRun run = active.get(id);
        Map<String, Object> v = new LinkedHashMap<>(run != null ? run.view() : RunFiles.view(id, p));
        v.put("files", RunFiles.files(p));
        return v;
    }

    /** A stream of the run's events (ends at once, after its state and history, for a run that is over). */
    @Nullable BlockingQueue<Event> subscribe(String id) {
        ActiveRun run = active.get(id);
        if (run != null) {
            return run.subscribe();
        }
        Path p = folder(id);
        if (p == null) {
            return null;
        }
        BlockingQueue<Event> q = new LinkedBlockingQueue<>();
        q.add(new Event("state", Json.of(RunFiles.view(id, p))));
        for (Map<String, Object> point : RunFiles.history(p)) {
            q.add(new Event("logged", Json.of(point)));
        }
        q.add(Event.END);
        return q;
    }

    void unsubscribe(String id, BlockingQueue<Event> q) {
        ActiveRun run = active.get(id);
        if (run != null) {
            run.unsubscribe(q);
        }
    }

    /** Stops a queued or running run; false when {@code id} is not a run of this server that is still going. */
    boolean stop(String id) {
        ActiveRun run = active.get(id);
        if (run == null || run.status().terminal()) {
            return false;
        }
        run.requestStop();
        return true;
    }

    /**
     * Queues a stopped or failed run again: from its checkpoint when it has one, else from the
     * start with the settings it was asked for. Throws {@link InvalidInputException} when the run
     * cannot be resumed (finished, still going, or nothing to start from).
     */
    void resume(String id) {
        Path folder = folder(id);
        if (folder == null) {
            throw new InvalidInputException("no run '" + id + "'");
        }
        ActiveRun run = active.get(id);
        if (run != null && !run.status().terminal()) {
            throw new InvalidInputException("run " + id + " is " + run.status().json() + "; only a stopped or failed run resumes");
        }
        Status status = run != null ? run.status() : Status.valueOf(
                String.valueOf(RunFiles.view(id, folder).get("status")).toUpperCase(java.util.Locale.ROOT));
        if (status == Status.DONE) {
            throw new InvalidInputException("run " + id + " is done; start a new run instead");
        }
        boolean fromCheckpoint = Files.exists(folder.resolve(Checkpoint.FILE)) && Files.exists(folder.resolve("run.conf"));
        Config config;
        if (fromCheckpoint) {
            config = org.dip4j.api.Configs.parseFile(folder.resolve("run.conf"));
        } else if (Files.exists(folder.resolve(RunFiles.REQUEST))) {
            config = org.dip4j.api.Configs.parseFile(folder.resolve(RunFiles.REQUEST));
            RunFolder.clearRun(folder);
        } else {
            throw new InvalidInputException("run " + id + " has no checkpoint.zip to continue from");
        }
        synchronized (this) {
            ActiveRun again = active.get(id);
            if (again == null) {
                Map<String, Object> v = RunFiles.view(id, folder);
                again = new ActiveRun(id, folder, String.valueOf(v.get("task")), config,
                        Json.whole(v.get("iterations")), status);
                again.seed(RunFiles.history(folder));
                active.put(id, again);
            }
            if (!again.requeue(config)) {
                throw new InvalidInputException("run " + id + " is already queued or running");
            }
            ActiveRun queued = again;
            pool.execute(() -> execute(queued, fromCheckpoint));
        }
    }

    /** Stops every run (each writes its folder and checkpoint) and waits up to {@code seconds} for them. */
    @Override
    public void close() {
        close(600);
    }

    void close(long seconds) {
        active.values().forEach(ActiveRun::requestStop);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
                LOG.warn("runs still going after {} s", seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
