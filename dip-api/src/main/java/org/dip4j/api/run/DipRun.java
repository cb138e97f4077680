package org.dip4j.api.run;

import com.typesafe.config.Config;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A prepared run: run it once, on this thread ({@link #run()}) or another ({@link #start()}),
 * and cancel it from anywhere ({@link #cancel()}): it stops after the current iteration and
 * returns what it has, with {@link DipResult#cancelled()} set.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DipRun {
    private final RunEngine engine;
    private final RunRequest request;
    private final AtomicBoolean started = new AtomicBoolean();

    DipRun(RunEngine engine, RunRequest request) {
        this.engine = engine;
        this.request = request;
    }

    /** The effective configuration of the run (every key, defaults included). */
    public Config config() {
        return request.config();
    }

    /** The task id. */
    public String task() {
        return request.config().getString("dip.run.task");
    }

    /**
     * Runs on the calling thread and returns the result (partial when cancelled).
     *
     * @throws java.util.concurrent.CancellationException when cancelled before the first iteration
     * @throws org.dip4j.api.InvalidInputException for bad input (a missing file, an unknown key)
     * @throws IllegalStateException when this run was already started
     */
    public DipResult run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this run was already started; build another with the builder");
        }
        return engine.run(request);
    }

    /** Starts the run on a new thread of its own; the future completes with the result. */
    public CompletableFuture<DipResult> start() {
        return start(task -> {
            Thread t = new Thread(task, "dip-run-" + task());
            t.start();
        });
    }

    /**
     * Starts the run on {@code executor}. Cancelling the returned future also cancels the run
     * (which then stops after the current iteration); to receive the partial result instead,
     * call {@link #cancel()} and wait for the future.
     */
    public CompletableFuture<DipResult> start(Executor executor) {
        RunFuture future = new RunFuture();
        executor.execute(() -> {
            try {
                future.complete(run());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** Asks the run to stop after the current iteration (before the first one: it does not start). */
    public void cancel() {
        request.cancel().set(true);
    }

    public boolean isCancelled() {
        return request.cancel().get();
    }

    /** A future whose cancellation cancels the run. */
    private final class RunFuture extends CompletableFuture<DipResult> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            DipRun.this.cancel();
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
