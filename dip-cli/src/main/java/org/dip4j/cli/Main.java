package org.dip4j.cli;

import java.io.PrintWriter;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginPath;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Entry point of {@code dip}. Exit codes: 0 done, 1 failure, 2 bad input (a one-line message
 * naming the file or key), 130 interrupted by Ctrl-C after saving the run.
 */
public final class Main {
    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), after its folder was written. */
    public static final int INTERRUPTED = 130;

    /** Columns of the help text. */
    static final int HELP_WIDTH = 100;

    private Main() {}

    public static void main(String[] args) {
        CtrlC.installStartupNotice();
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        CtrlC.markExiting();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv(PluginPath.ENVIRONMENT_VARIABLE));
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)} with the value of {@code DIP_PLUGINS} given. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, @Nullable String pluginsVariable) {
        DipCommand root = new DipCommand();
        CommandLine cli = commandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        // Plugins load after parsing (which names the folders) and before the command runs.
        cli.setExecutionStrategy(parsed -> {
            try {
                return PluginEnvironment.with(root.pluginFolders(), pluginsVariable, err, environment -> {
                    root.plugins(environment);
                    try {
                        return run.execute(parsed);
                    } finally {
                        root.plugins(null);
                    }
                });
            } catch (InvalidInputException bad) {
                err.println("dip: " + bad.getMessage());
                return CommandLine.ExitCode.USAGE;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return cli.execute(args);
    }

    static CommandLine commandLine(DipCommand root) {
        CommandLine cli = new CommandLine(root);
        cli.setUsageHelpWidth(HELP_WIDTH);
        OptionList.install(cli, HELP_WIDTH);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable cause = ex;
            while (!(cause instanceof InvalidInputException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidInputException bad) {
                err.println("dip: " + bad.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (ex instanceof com.typesafe.config.ConfigException ce) {
                err.println("dip: configuration error: " + ce.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            err.println("dip: " + ex.getMessage());
            if (root.verbose()) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }
}
