package org.dip4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import org.dip4j.api.PluginPath;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarsTests {
    @TempDir
    Path dir;

    @Test
    void theJarsOfThePluginFoldersAreShippedAndTheClassPathIsNot() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve("library.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
        }
        ClassLoader app = getClass().getClassLoader();
        try (PluginPath path = PluginPath.discover(dir, java.util.List.of(), null, app)) {
            assertThat(PluginJars.of(PluginRegistry.load(path), path.classLoader())).containsExactly(jar);
        }
        assertThat(PluginJars.of(PluginRegistry.load(app), app)).isEmpty();
        try (URLClassLoader nested = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, app))) {
            assertThat(PluginJars.of(PluginRegistry.load(app), nested)).containsExactly(jar);
        }
    }
}
