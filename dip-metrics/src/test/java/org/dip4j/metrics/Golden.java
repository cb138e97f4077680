package org.dip4j.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Properties;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/** The golden values and images copied into {@code src/test/resources/golden} (see PROVENANCE.md there). */
final class Golden {
    private static final Properties VALUES = load();

    private Golden() {}

    /** The golden value stored under {@code id} (the id used in golden.json). */
    static double value(String id) {
        String v = VALUES.getProperty(id);
        if (v == null) {
            throw new IllegalArgumentException("no golden value " + id);
        }
        return Double.parseDouble(v);
    }

    static Image rgb(String file) {
        return Images.readRgb(path(file));
    }

    static Image mask(String file) {
        return Images.readMask(path(file));
    }

    private static Path path(String file) {
        URL url = Golden.class.getResource("/golden/" + file);
        if (url == null) {
            throw new IllegalArgumentException("no golden file " + file);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Golden.class.getResourceAsStream("/golden/golden-values.properties")) {
            if (in == null) {
                throw new IllegalStateException("golden-values.properties is missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
