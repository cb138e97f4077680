package org.dip4j.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C as a clean stop, for every command that runs restorations: the signal sets
 * {@link #stop()}, prints what happens next, and holds the JVM (up to ten minutes) until the
 * command has written its results and {@link #close() closed} this. A command that ends without
 * a signal removes the hook. {@link #markExiting()} lets the JVM exit at once after the command.
 */
final class CtrlC implements AutoCloseable {
    private static final AtomicBoolean EXITING = new AtomicBoolean();
    /** Set once a command has installed its own hook: from then on that hook says what happens. */
    private static final AtomicBoolean COMMAND_HOOK = new AtomicBoolean();
    /** Printed on Ctrl-C while the JVM starts (ND4J loads for seconds) and no command hook exists yet. */
    static final String STARTUP_MESSAGE = "dip: interrupted while starting; no run had begun and nothing was written";

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private final java.util.List<Runnable> onStop = new java.util.concurrent.CopyOnWriteArrayList<>();

    private CtrlC(String name, String onSignal) {
        COMMAND_HOOK.set(true);
        hook = new Thread(() -> {
            if (EXITING.get()) {
                return;
            }
            signalled.set(true);
            stop.set(true);
            onStop.forEach(Runnable::run);
            System.err.println("\n" + onSignal);
            try {
                written.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Installs, first thing in {@code main}, the hook that answers a Ctrl-C before any command
     * has installed its own: without it an interrupted start-up ended with no word at all.
     */
    static void installStartupNotice() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!EXITING.get() && !COMMAND_HOOK.get()) {
                System.err.println("\n" + STARTUP_MESSAGE);
            }
        }, "dip-start-up-ctrl-c"));
    }

    /** Installs the hook; {@code onSignal} is the line printed on Ctrl-C. */
    static CtrlC install(String name, String onSignal) {
        return new CtrlC(name, onSignal);
    }

    /** Called by {@link Main} just before {@code System.exit}, so no hook waits for results. */
    static void markExiting() {
        EXITING.set(true);
    }

    /** Set on Ctrl-C; the running work stops after its current iteration. */
    AtomicBoolean stop() {
        return stop;
    }

    /** Runs {@code action} on Ctrl-C (at once when it came already), e.g. to cancel a run. */
    void onStop(Runnable action) {
        onStop.add(action);
        if (stop.get()) {
            action.run();
        }
    }

    /** Whether Ctrl-C (rather than the work itself) stopped the command. */
    boolean signalled() {
        return signalled.get();
    }

    /** The results are written: a waiting signal may now let the JVM exit; without one, the hook goes. */
    @Override
    public void close() {
        written.countDown();
        if (!signalled.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting; the hook has nothing to wait for.
            }
        }
    }
}
