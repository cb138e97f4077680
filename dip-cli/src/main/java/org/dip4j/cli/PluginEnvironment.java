package org.dip4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dip4j.api.PluginPath;
import org.dip4j.api.PluginRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The external plugin jars of one command: found before the command runs and installed as the
 * thread's context class loader, so every {@code ServiceLoader} lookup and every
 * {@code reference.conf} read (which go through that loader) sees them.
 */
final class PluginEnvironment {
    private static @Nullable PluginPath current;
    private static @Nullable PrintWriter warnings;

    private PluginEnvironment() {}

    /**
     * Runs {@code command} with the jars of {@code ./plugins}, {@code folders} and
     * {@code environmentValue} on the context class loader, then restores the previous loader.
     */
    static <T> T with(List<Path> folders, @Nullable String environmentValue, PrintWriter err, Callable<T> command)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader parent = PluginEnvironment.class.getClassLoader();
        try (PluginPath path = PluginPath.discover(Path.of("").toAbsolutePath(), folders, environmentValue, parent)) {
            current = path;
            warnings = err;
            thread.setContextClassLoader(path.classLoader());
            return command.call();
        } finally {
            current = null;
            warnings = null;
            thread.setContextClassLoader(previous);
        }
    }

    /** The registry of the current command's plugins; its problems are printed as warnings. */
    static PluginRegistry registry() {
        PluginPath path = current;
        PluginRegistry registry = path == null ? PluginRegistry.load() : PluginRegistry.load(path);
        PrintWriter err = warnings != null ? warnings : new PrintWriter(System.err, true);
        for (String problem : registry.problems()) {
            err.println("warning: " + problem);
        }
        err.flush();
        return registry;
    }
}
