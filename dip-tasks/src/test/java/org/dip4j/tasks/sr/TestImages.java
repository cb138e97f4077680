package org.dip4j.tasks.sr;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/** Test images of this package (see {@code src/test/resources/sr/PROVENANCE.md}) and comparisons. */
final class TestImages {
    private TestImages() {}

    static Path path(String name) {
        URL url = TestImages.class.getResource("/sr/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource sr/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Image read(String name) {
        return Images.readRgb(path(name));
    }

    /** PSNR with data range 1 over all samples, as skimage computes it. */
    static double psnr(Image reference, Image test) {
        double[] a = reference.toArray();
        double[] b = test.toArray();
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            se += d * d;
        }
        return 10 * Math.log10(1 / (se / a.length));
    }

    /** Number of samples whose 8-bit values differ. */
    static int differingSamples(Image a, Image b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Images.quantise(x[i]) != Images.quantise(y[i])) {
                n++;
            }
        }
        return n;
    }

    /** Largest difference in grey levels (0–255). */
    static int maxAbsDifference(Image a, Image b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        int max = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, Math.abs(Images.quantise(x[i]) - Images.quantise(y[i])));
        }
        return max;
    }
}
