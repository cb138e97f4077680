package org.dip4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.List;
import org.dip4j.api.PluginRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command; every restoration, tool and listing is a subcommand. */
@Command(name = "dip",
        mixinStandardHelpOptions = true,
        versionProvider = DipCommand.Version.class,
        description = "Deep Image Prior for the JVM: restore an image by fitting a randomly initialised network to it.",
        subcommands = {RunCommand.class, ResumeCommand.class, BatchCommand.class, BenchCommand.class, DenoiseCommand.class, SrCommand.class, InpaintCommand.class,
                BlendCommand.class, CompareCommand.class, ExperimentCommand.class, BaselineCommand.class, ScoreCommand.class,
                PluginsCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:failure", "2:bad input (missing file, unknown key or plugin id)",
                "130:interrupted by Ctrl-C (the run folder was written)"},
        scope = CommandLine.ScopeType.INHERIT)
final class DipCommand implements Runnable {
    private boolean verbose;
    private List<Path> pluginFolders = List.of();
    private @Nullable PluginEnvironment plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging and stack traces.",
            scope = CommandLine.ScopeType.INHERIT)
    void setVerbose(boolean v) {
        verbose = v;
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (v) {
            root.setLevel(Level.DEBUG);
        }
    }

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Load the plugin jars in DIR (repeatable), besides ./plugins and the folders in DIP_PLUGINS.",
            scope = CommandLine.ScopeType.INHERIT)
    void setPluginFolders(List<Path> folders) {
        pluginFolders = List.copyOf(folders);
    }

    /** The root command of the command line {@code spec} belongs to: where the shared state lives. */
    static DipCommand of(CommandLine.Model.CommandSpec spec) {
        return (DipCommand) spec.root().userObject();
    }

    boolean verbose() {
        return verbose;
    }

    /** Folders named with {@code --plugins}. */
    List<Path> pluginFolders() {
        return pluginFolders;
    }

    /** Set by {@link Main} around the command it runs. */
    void plugins(@Nullable PluginEnvironment environment) {
        plugins = environment;
    }

    /** The registry of the running command's plugins (the class path's alone outside {@link Main}). */
    PluginRegistry registry() {
        PluginEnvironment environment = plugins;
        return environment != null ? environment.registry()
                : PluginEnvironment.withWarnings(PluginRegistry.load(), spec.commandLine().getErr());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. `dip run config/quickstart.conf`");
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DipCommand.class.getPackage().getImplementationVersion();
            return new String[] {"dip4j " + (v == null ? "dev" : v) + " (ND4J/SameDiff 1.0.0-M2.1, Java "
                    + System.getProperty("java.version") + ")"};
        }
    }
}
