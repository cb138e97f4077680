package org.dip4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.dip4j.api.PluginPath;
import org.dip4j.api.PluginRegistry;

/**
 * The external plugin jars of one command: found before the command runs and installed as the
 * thread's context class loader, so every {@code ServiceLoader} lookup and every
 * {@code reference.conf} read (which go through that loader) sees them. The root command holds
 * the environment of the command line it runs.
 */
final class PluginEnvironment {
    /** A command that runs inside an environment. */
    interface Body<T> {
        T run(PluginEnvironment environment) throws Exception;
    }

    private final PluginPath path;
    private final PrintWriter warnings;

    private PluginEnvironment(PluginPath path, PrintWriter warnings) {
        this.path = path;
        this.warnings = warnings;
    }

    /**
     * Runs {@code body} with the jars of {@code ./plugins}, {@code folders} and
     * {@code environmentValue} on the context class loader, then restores the previous loader.
     */
    static <T> T with(List<Path> folders, @org.jspecify.annotations.Nullable String environmentValue, PrintWriter err,
            Body<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader parent = PluginEnvironment.class.getClassLoader();
        try (PluginPath path = PluginPath.discover(Path.of("").toAbsolutePath(), folders, environmentValue, parent)) {
            thread.setContextClassLoader(path.classLoader());
            return body.run(new PluginEnvironment(path, err));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The registry of the command's plugins; its problems are printed as warnings. */
    PluginRegistry registry() {
        return withWarnings(PluginRegistry.load(path), warnings);
    }

    /** Prints the registry's problems as warnings and returns it. */
    static PluginRegistry withWarnings(PluginRegistry registry, PrintWriter err) {
        for (String problem : registry.problems()) {
            err.println("warning: " + problem);
        }
        err.flush();
        return registry;
    }
}
