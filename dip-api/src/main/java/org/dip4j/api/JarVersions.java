package org.dip4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * A class's version from the Maven metadata of the jar that holds it
 * ({@code META-INF/maven/<group>/<artifact>/pom.properties}, written by every Maven build), for
 * jars whose manifest has no {@code Implementation-Version}.
 */
public final class JarVersions {
    private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");

    private JarVersions() {}

    /** The version of the jar that {@code type} was loaded from; empty for folders and unclear jars. */
    public static Optional<String> of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? fromJar(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The version in {@code jar}'s only {@code pom.properties}; empty when it has none or several. */
    public static Optional<String> fromJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<? extends ZipEntry> poms = file.stream().filter(e -> POM_PROPERTIES.matcher(e.getName()).matches())
                    .toList();
            if (poms.size() != 1) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = file.getInputStream(poms.get(0))) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
