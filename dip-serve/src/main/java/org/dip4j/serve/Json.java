package org.dip4j.serve;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON text of maps, lists and numbers, through Typesafe Config's renderer (no second JSON library). */
final class Json {
    private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise().setJson(true);

    private Json() {}

    static String of(@Nullable Object value) {
        return ConfigValueFactory.fromAnyRef(value).render(CONCISE);
    }

    /** Metrics with NaN and infinities as null (JSON has no such numbers). */
    static Map<String, Object> metrics(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, v == null || v.isNaN() || v.isInfinite() ? null : v));
        return out;
    }

    /** A throwable's message, never null. */
    static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** An int from a parsed number (0 when absent). */
    static int whole(@Nullable Object number) {
        return number instanceof Number n ? n.intValue() : 0;
    }

    /** {@code {"error": message}}. */
    static String error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return of(m);
    }
}
