package org.dip4j.metrics;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/** Test resources and the golden unit-vector inputs, built from their formulas. */
final class TestImages {
    private TestImages() {}

    static Path resource(String name) {
        URL url = TestImages.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Image rgb(String name) {
        return Images.readRgb(resource(name));
    }

    /** golden.json unit_vectors.metrics P: ((3y + 5x + 7c) mod 17) / 16, 16×16×3. */
    static Image unitP() {
        return Image.generate(3, 16, 16, (c, y, x) -> ((3 * y + 5 * x + 7 * c) % 17) / 16.0);
    }

    /** golden.json unit_vectors.metrics Q: ((3y + 5x + 7c + 2·(y mod 3)) mod 17) / 16. */
    static Image unitQ() {
        return Image.generate(3, 16, 16, (c, y, x) -> ((3 * y + 5 * x + 7 * c + 2 * (y % 3)) % 17) / 16.0);
    }
}
