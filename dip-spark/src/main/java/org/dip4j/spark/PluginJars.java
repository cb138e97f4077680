package org.dip4j.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dip4j.api.PluginInfo;
import org.dip4j.api.PluginRegistry;

/**
 * The external plugin jars of the driver, to ship to the executors: every jar of the class
 * loaders between the thread's context loader and the application loader (the
 * {@link org.dip4j.api.PluginPath} of {@code ./plugins}, {@code --plugins} and {@code DIP_PLUGINS},
 * including library jars without plugins), and any plugin the registry found in a jar outside
 * the application class path.
 */
final class PluginJars {
    private PluginJars() {}

    static List<Path> of(PluginRegistry registry, ClassLoader context) {
        Set<Path> jars = new LinkedHashSet<>();
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (ClassLoader l = context; l != null && l != app && l != app.getParent(); l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    addJar(jars, url);
                }
            }
        }
        Set<String> classPath = Set.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator));
        for (PluginInfo info : registry.describe()) {
            String source = info.source();
            if (source.endsWith(".jar") && !classPath.contains(source) && Files.isRegularFile(Path.of(source))) {
                jars.add(Path.of(source).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(jars);
    }

    private static void addJar(Set<Path> jars, URL url) {
        if (!"file".equals(url.getProtocol())) {
            return;
        }
        try {
            Path p = Path.of(url.toURI());
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                jars.add(p.toAbsolutePath().normalize());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a local file: nothing to ship.
        }
    }
}
