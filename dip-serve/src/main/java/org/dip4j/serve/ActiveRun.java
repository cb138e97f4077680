package org.dip4j.serve;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * A run this server queued: its live state, the logged metrics so far, and the event streams
 * that follow it. The run's thread reports through {@link RunExecutor.Progress}; HTTP threads
 * read views and subscribe. Every method holds the lock, so a subscriber sees each event once.
 */
final class ActiveRun implements RunExecutor.Progress {
    /** Progress events are sent at most this often (metrics, snapshots and the end always are). */
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    final String id;
    final Path folder;
    private final String task;
    private Config config;
    private final StopSignal stop = new StopSignal();
    private Status status;
    private int iteration;
    private int iterations;
    private Map<String, Double> metrics = Map.of();
    private @Nullable String error;
    private @Nullable String latestImage;
    private final List<Map<String, Object>> history = new ArrayList<>();
    private final List<BlockingQueue<Event>> subscribers = new ArrayList<>();
    private long lastProgressNanos;

    ActiveRun(String id, Path folder, String task, Config config, int iterations) {
        this(id, folder, task, config, iterations, Status.QUEUED);
    }

    /** A run known from its folder ({@code status} is where it ended), to be queued again with {@link #requeue}. */
    ActiveRun(String id, Path folder, String task, Config config, int iterations, Status status) {
        this.status = status;
        this.id = id;
        this.folder = folder;
        this.task = task;
        this.config = config;
        this.iterations = iterations;
    }

    synchronized Config config() {
        return config;
    }

    StopSignal stop() {
        return stop;
    }

    synchronized Status status() {
        return status;
    }

    synchronized Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("task", task);
        v.put("status", status.json());
        v.put("iteration", iteration);
        v.put("iterations", iterations);
        v.put("metrics", Json.metrics(metrics));
        v.put("error", error);
        v.put("resumable", status == Status.STOPPED || status == Status.FAILED);
        v.put("image", latestImage);
        return v;
    }

    /** A new stream: the current state, every logged point and the latest image, then what follows. */
    synchronized BlockingQueue<Event> subscribe() {
        BlockingQueue<Event> q = new LinkedBlockingQueue<>();
        q.add(new Event("state", Json.of(view())));
        for (Map<String, Object> point : history) {
            q.add(new Event("logged", Json.of(point)));
        }
        if (status.terminal()) {
            q.add(Event.END);
        } else {
            subscribers.add(q);
        }
        return q;
    }

    synchronized void unsubscribe(BlockingQueue<Event> q) {
        subscribers.remove(q);
    }

    /** The points logged before this server knew the run (a run resumed from its folder). */
    synchronized void seed(List<Map<String, Object>> points) {
        history.addAll(points);
    }

    /** Queued again (resume): the state restarts, the history is kept for the curve. */
    synchronized boolean requeue(Config newConfig) {
        if (!status.terminal()) {
            return false;
        }
        config = newConfig;
        status = Status.QUEUED;
        error = null;
        stop.reset();
        publish(new Event("state", Json.of(view())));
        return true;
    }

    /** Marks the run running unless it was stopped while queued. */
    synchronized boolean begin() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        publish(new Event("state", Json.of(view())));
        return true;
    }

    /** A stop request: a queued run stops at once, a running one after its current iteration. */
    synchronized void requestStop() {
        if (status == Status.QUEUED) {
            finish(Status.STOPPED, null);
        }
        stop.request();
    }

    @Override
    public synchronized void started(int total, List<String> metricIds, int startIteration) {
        iterations = total;
        iteration = startIteration;
        history.removeIf(p -> Json.whole(p.get("iteration")) >= startIteration);
        publish(new Event("state", Json.of(view())));
    }

    @Override
    public synchronized void iteration(int done, int total) {
        iteration = done;
        iterations = total;
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_EVERY_NANOS || done == total) {
            lastProgressNanos = now;
            publish(new Event("progress", Json.of(Map.of("iteration", done, "iterations", total))));
        }
    }

    @Override
    public synchronized void logged(int at, double seconds, Map<String, Double> values) {
        metrics = Map.copyOf(values);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("iteration", at);
        point.put("seconds", seconds);
        point.put("metrics", Json.metrics(values));
        history.add(point);
        publish(new Event("logged", Json.of(point)));
    }

    @Override
    public synchronized void snapshot(int at, String file) {
        latestImage = file;
        publish(new Event("snapshot", Json.of(Map.of("iteration", at, "file", file))));
    }

    /** The run ended: with its outcome, or failed with {@code message}. */
    synchronized void finish(Status end, @Nullable String message) {
        status = end;
        error = message;
        if (end == Status.DONE || end == Status.STOPPED) {
            if (java.nio.file.Files.exists(folder.resolve("result.png"))) {
                latestImage = "result.png";
            }
        }
        publish(new Event("state", Json.of(view())));
        publish(Event.END);
        subscribers.clear();
    }

    /** The final metrics of a finished run. */
    synchronized void outcome(RunExecutor.Outcome outcome) {
        metrics = outcome.metrics();
        iteration = outcome.iterations();
    }

    private void publish(Event e) {
        for (BlockingQueue<Event> q : subscribers) {
            q.offer(e);
        }
    }
}
