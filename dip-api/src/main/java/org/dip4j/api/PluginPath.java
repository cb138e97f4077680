package org.dip4j.api;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Plugin jars from outside the build: every {@code *.jar} in a set of folders, behind one
 * {@link URLClassLoader} whose parent is the application's loader. Use {@link #classLoader()}
 * for {@link PluginRegistry#load(PluginPath)} and for the {@code reference.conf} files
 * ({@link Configs#resolve}), so a plugin's defaults are seen along with its classes.
 *
 * <p>Problems that do not stop the others loading (a jar that is not a zip, a jar without service
 * files, a folder from {@code DIP_PLUGINS} that does not exist) are {@link #warnings()}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginPath implements AutoCloseable {
    /** The folder searched in the working directory without being named. */
    public static final String DEFAULT_FOLDER = "plugins";
    /** The environment variable holding more folders, separated by {@link File#pathSeparator}. */
    public static final String ENVIRONMENT_VARIABLE = "DIP_PLUGINS";

    private final List<Path> jars;
    private final List<String> warnings;
    private final ClassLoader loader;
    private final @Nullable URLClassLoader ownLoader;

    private PluginPath(List<Path> jars, List<String> warnings, ClassLoader parent) {
        this.jars = List.copyOf(jars);
        this.warnings = List.copyOf(warnings);
        if (jars.isEmpty()) {
            this.ownLoader = null;
            this.loader = parent;
        } else {
            this.ownLoader = new URLClassLoader("dip-plugins", urls(jars), parent);
            this.loader = ownLoader;
        }
    }

    /** No external plugins: the classpath alone. */
    public static PluginPath none(ClassLoader parent) {
        return new PluginPath(List.of(), List.of(), parent);
    }

    /**
     * The jars of {@code workingDirectory/plugins} (when it exists), of each named folder (which
     * must exist), and of each folder in {@code environmentValue} (a missing one is a warning).
     *
     * @throws InvalidInputException when a named folder is missing
     */
    public static PluginPath discover(Path workingDirectory, List<Path> namedFolders,
            @Nullable String environmentValue, ClassLoader parent) {
        List<String> warnings = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        Path implicit = workingDirectory.resolve(DEFAULT_FOLDER);
        if (Files.isDirectory(implicit)) {
            folders.add(implicit.toAbsolutePath().normalize());
        }
        for (Path f : namedFolders) {
            Path dir = workingDirectory.resolve(f);
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException("plugin folder " + f + ": no such folder (" + dir.toAbsolutePath()
                        + "); name a folder that holds plugin jars");
            }
            folders.add(dir.toAbsolutePath().normalize());
        }
        if (environmentValue != null) {
            for (String entry : environmentValue.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path dir = workingDirectory.resolve(entry.strip());
                if (Files.isDirectory(dir)) {
                    folders.add(dir.toAbsolutePath().normalize());
                } else {
                    warnings.add(ENVIRONMENT_VARIABLE + " names " + entry + ", which is not a folder; ignored");
                }
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path folder : folders) {
            for (Path jar : jarsIn(folder)) {
                if (!isZip(jar)) {
                    warnings.add("cannot read plugin jar " + jar + " (not a zip file); skipped");
                } else {
                    // A jar without service files may be a library another plugin needs: keep it.
                    jars.add(jar);
                    if (!declaresPlugins(jar)) {
                        warnings.add("plugin jar " + jar + " provides no plugins: it has no META-INF/services/"
                                + "org.dip4j.spi.<Task|Loss|Architecture|Metric> file");
                    }
                }
            }
        }
        return new PluginPath(jars, warnings, parent);
    }

    /** The external jars in loading order. */
    public List<Path> jars() {
        return jars;
    }

    /** What was skipped or looks wrong, one message each, naming the jar or folder. */
    public List<String> warnings() {
        return warnings;
    }

    /** The loader for plugins and their {@code reference.conf}; the parent when there are no jars. */
    public ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void close() {
        if (ownLoader != null) {
            try {
                ownLoader.close();
            } catch (IOException e) {
                // Closing only releases file handles; nothing to report at exit.
            }
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list plugin folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isZip(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean declaresPlugins(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (PluginKind kind : PluginKind.values()) {
                if (zip.getEntry("META-INF/services/" + kind.serviceType().getName()) != null) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] out = new URL[jars.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
