package org.dip4j.cli;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.dip4j.api.Configs;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.run.Dip;
import org.dip4j.api.run.DipResult;
import org.dip4j.api.run.DipRun;
import org.dip4j.api.run.RunBuilder;
import org.dip4j.samediff.engine.RunFolder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one configured restoration from the command line through the embedding API
 * ({@link Dip}): resolves the configuration, picks the run folder, shows progress, and turns
 * Ctrl-C into a cancellation that still writes the folder.
 */
final class RunLauncher {
    private RunLauncher() {}

    /**
     * Resolves {@code user} over the defaults, runs it into a fresh folder, prints the summary;
     * returns the exit code. A folder that holds a run is refused unless {@code force}, which
     * clears that run first; {@code command} supplies the plugins and the output.
     */
    static int launch(Config user, @Nullable Path out, boolean force, CommandSpec command) {
        return launch(user, out, force ? Existing.REPLACE : Existing.REFUSE, command);
    }

    /** As {@link #launch(Config, Path, boolean, CommandSpec)}, continuing the run in {@code out} from its checkpoint when it has one. */
    static int resume(Config user, Path out, CommandSpec command) {
        return launch(user, out, Existing.RESUME, command);
    }

    /** What to do with a run already in the folder. */
    private enum Existing { REFUSE, REPLACE, RESUME }

    private static int launch(Config user, @Nullable Path out, Existing existing, CommandSpec command) {
        PluginRegistry registry = DipCommand.of(command).registry();
        PrintWriter stdout = command.commandLine().getOut();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = Configs.resolve(user, loader, registry);
        Path dir = out != null ? out : defaultFolder(config);
        if (existing == Existing.REFUSE && RunFolder.holdsRun(dir)) {
            throw new InvalidInputException(dir + " already holds a run; continue it with 'dip resume " + dir
                    + "', replace it with --force, or choose a fresh folder with --out");
        }
        // The hook goes in first, so that Ctrl-C while the network is built still ends with a word.
        CtrlC ctrlC = CtrlC.install("dip-ctrl-c", "stopping after the current iteration (the run folder "
                + dir + " is written if the run has begun) ...");
        try {
            boolean resuming = existing == Existing.RESUME && java.nio.file.Files.exists(dir.resolve("checkpoint.zip"));
            if (!resuming && BlendTwin.wanted(config)) {
                // The settings are valid (resolved above); compare-with only tells the report where the twin is.
                Path twin = BlendTwin.folderBeside(dir);
                stdout.println("blend: training the direct formulation first at the same settings, for the comparison: "
                        + twin);
                stdout.flush();
                int code = launch(BlendTwin.twinSettings(user), twin, existing, command);
                if (code != 0) {
                    return code;
                }
                user = BlendTwin.comparedWith(user, twin);
            }
            ProgressBar.reset();
            RunBuilder builder = Dip.config(user).plugins(registry).plugins(loader)
                    .baseDirectory(Path.of("").toAbsolutePath()).runFolder(dir)
                    .onProgress(new ProgressBar(ProgressBar.onTerminal()));
            switch (existing) {
                case REPLACE -> builder.replaceRunFolder();
                case RESUME -> builder.resumeRunFolder();
                case REFUSE -> { }
            }
            DipRun run = builder.build();
            ctrlC.onStop(run::cancel);
            DipResult result;
            try {
                result = run.run();
            } catch (CancellationException e) {
                stdout.println("stopped before the first iteration: nothing was written");
                stdout.flush();
                return Main.INTERRUPTED;
            } finally {
                ProgressBar.clear();
            }
            // Before the hook is released: once it is, the JVM may exit under a Ctrl-C.
            printSummary(stdout, result, dir);
            return result.cancelled() && ctrlC.signalled() ? Main.INTERRUPTED : 0;
        } finally {
            ctrlC.close();
        }
    }

    private static Path defaultFolder(Config config) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(config.getString("dip.run.output-dir"), config.getString("dip.run.task") + "-" + stamp);
    }

    private static void printSummary(PrintWriter out, DipResult r, Path dir) {
        out.printf(Locale.ROOT, "%s: %s in %s%s%n", r.task(), ProgressBar.count(r.iterations(), "iteration"),
                ProgressBar.duration(r.seconds()), r.cancelled() ? " (interrupted)" : "");
        for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
            if (!e.getValue().isNaN()) {
                out.printf(Locale.ROOT, "  %-12s %.4f%n", e.getKey(), e.getValue());
            }
        }
        if (r.restores() > 0) {
            out.printf(Locale.ROOT, "  divergence guard restored the parameters %d times%n", r.restores());
        }
        out.println("result: " + dir.resolve("result.png"));
        if (r.cancelled()) {
            out.println("run folder: " + dir + " (metrics, results and checkpoint.zip; 'dip resume " + dir
                    + "' continues the run)");
        }
        out.flush();
    }
}
