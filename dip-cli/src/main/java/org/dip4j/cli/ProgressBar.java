package org.dip4j.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.Progress;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.api.run.RunStart;
import org.dip4j.samediff.engine.ProcessMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live status line on the terminal (iteration, rate, ETA, latest metrics), redrawn in
 * place, plus one log line per logged iteration. Log output from anywhere clears the bar first
 * ({@link ProgressAwareAppender}), so logs stay readable beside it. Without a terminal only
 * the log lines are printed.
 */
final class ProgressBar implements ProgressListener {
    private static final Logger log = LoggerFactory.getLogger("dip");
    private static final Object LOCK = new Object();
    private static volatile String shown = "";
    private static volatile PrintStream terminal = System.err;

    private final boolean interactive;
    private long lastDraw;
    private int total;

    ProgressBar(boolean interactive) {
        this.interactive = interactive;
    }

    @Override
    public void started(RunStart s) {
        total = s.iterations();
        log.info("{}: output {}×{}×{}, {} network with {} parameters, {}, losses {}, backend {}", s.task(),
                s.channels(), s.height(), s.width(), s.architecture(), String.format(Locale.ROOT, "%,d",
                        s.parameterCount()), count(s.iterations(), "iteration"), s.losses(), s.backend());
    }

    @Override
    public void progress(Progress p) {
        if (p.logged()) {
            logged(p.iteration(), p.seconds(), p.metrics());
        }
        iterationDone(p.iteration(), p.total(), p.seconds(), p.metrics());
    }

    private void iterationDone(int iteration, int total, double seconds, Map<String, Double> lastMetrics) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && iteration + 1 < total) {
            return;
        }
        lastDraw = now;
        int done = iteration + 1;
        double perIteration = seconds / done;
        int width = 24;
        int filled = (int) Math.round(width * (double) done / total);
        String bar = "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
        String line = String.format(Locale.ROOT, "%s %d/%d %3.0f%% %s elapsed, %.2f s/it, ETA %s %s", bar, done,
                total, 100.0 * done / total, duration(seconds), perIteration, duration(perIteration * (total - done)),
                metrics(lastMetrics));
        draw(line);
    }

    private void logged(int iteration, double seconds, Map<String, Double> metrics) {
        log.info(logLine(iteration, total, seconds, metrics(metrics), ProcessMemory.residentMb()));
    }

    /** "iteration i/N (elapsed, ETA): metrics rss=… MB"; the ETA extrapolates the time per iteration so far. */
    static String logLine(int iteration, int total, double seconds, String metrics, long rssMb) {
        int done = iteration + 1;
        String eta = total > done ? ", ETA " + duration(seconds / done * (total - done)) : "";
        return String.format(Locale.ROOT, "iteration %d/%d (%s elapsed%s): %s rss=%d MB", iteration, total,
                duration(seconds), eta, metrics, rssMb);
    }

    /** "1 iteration", "2 iterations". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Whether the bar can be drawn: stderr is a terminal. The launcher passes {@code -Ddip.terminal}
     * (the JVM cannot test stderr itself); without it, whether the JVM has a console.
     */
    static boolean onTerminal() {
        String flag = System.getProperty("dip.terminal");
        return flag != null ? Boolean.parseBoolean(flag) : System.console() != null;
    }

    @Override
    public void restored(int iteration, double psnrDrop, int restores) {
        log.warn("iteration {}: PSNR against the observation fell by {} dB; restored the last good parameters "
                + "(restore {})", iteration, String.format(Locale.ROOT, "%.1f", psnrDrop), restores);
    }

    @Override
    public void finished(DipResult result) {
        clear();
    }

    static String metrics(Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> {
            if (!v.isNaN()) {
                sb.append(k).append('=').append(String.format(Locale.ROOT, "%.3f", v)).append(' ');
            }
        });
        return sb.toString().trim();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private static void draw(String line) {
        synchronized (LOCK) {
            terminal.print("\r\033[2K" + line);
            terminal.flush();
            shown = line;
        }
    }

    /** Removes the bar before other output is printed; see {@link #restore()}. */
    static void clear() {
        synchronized (LOCK) {
            if (!shown.isEmpty()) {
                terminal.print("\r\033[2K");
                terminal.flush();
            }
        }
    }

    /** Draws the bar again after other output. */
    static void restore() {
        synchronized (LOCK) {
            if (!shown.isEmpty()) {
                terminal.print(shown);
                terminal.flush();
            }
        }
    }

    static void reset() {
        synchronized (LOCK) {
            shown = "";
        }
    }

    static Object lock() {
        return LOCK;
    }
}
