package org.dip4j.tasks.blend.baseline;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/** The blending test sets on the test classpath, and each baseline's output computed once. */
final class BlendSets {
    /** One blended output with how long it took. */
    record Run(Image output, long millis) {}

    /** fg, bg and mask of one set. */
    record Set(Image fg, Image bg, Image mask) {}

    private static final Map<String, Set> SETS = new ConcurrentHashMap<>();
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private BlendSets() {}

    static Path resource(String name) {
        URL url = BlendSets.class.getResource("/blending/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource blending/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set set(String name) {
        return SETS.computeIfAbsent(name, n -> new Set(Images.readRgb(resource(n + "/fg.png")),
                Images.readRgb(resource(n + "/bg.png")), Images.readMask(resource(n + "/mask.png"))));
    }

    static synchronized Run run(String set, String method) {
        return RUNS.computeIfAbsent(set + "/" + method, k -> {
            Set s = set(set);
            long t0 = System.nanoTime();
            Image out = BlendBaselines.blend(method, s.fg(), s.bg(), s.mask());
            return new Run(out, (System.nanoTime() - t0) / 1_000_000);
        });
    }
}
