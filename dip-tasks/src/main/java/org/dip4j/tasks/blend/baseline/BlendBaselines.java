package org.dip4j.tasks.blend.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;

/**
 * The classical baselines by name, with the parameters of the golden reference outputs:
 *
 * <ul>
 *   <li>{@code alpha}: hard composite ({@code alpha_hard})</li>
 *   <li>{@code feather}: Gaussian-feathered alpha, σ = 5, truncate 4, edge replicated ({@code alpha_feather_s5})</li>
 *   <li>{@code laplacian}: 5-level Laplacian pyramid ({@code laplacian_pyr5})</li>
 *   <li>{@code poisson}: Pérez et al. seamless cloning ({@code poisson_textbook_normal})</li>
 *   <li>{@code poisson-mixed}: with mixed gradients ({@code poisson_textbook_mixed})</li>
 * </ul>
 */
public final class BlendBaselines {
    private static final Map<String, Supplier<Blender>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("alpha", AlphaBlend::new);
        METHODS.put("feather", () -> new FeatherBlend(5.0, 4.0));
        METHODS.put("laplacian", () -> new LaplacianBlend(5));
        METHODS.put("poisson", () -> new PoissonBlend(PoissonBlend.Guidance.NORMAL));
        METHODS.put("poisson-mixed", () -> new PoissonBlend(PoissonBlend.Guidance.MIXED));
    }

    private BlendBaselines() {}

    /** The method names, in the order above. */
    public static List<String> methods() {
        return List.copyOf(METHODS.keySet());
    }

    /** The blender called {@code method}; an unknown name is an {@link InvalidInputException} listing the known ones. */
    public static Blender blender(String method) {
        Supplier<Blender> s = METHODS.get(method);
        if (s == null) {
            throw new InvalidInputException("unknown blending baseline '" + method + "'; available: "
                    + String.join(", ", METHODS.keySet()));
        }
        return s.get();
    }

    /** Blends {@code fg} into {@code bg} where {@code mask} (1×H×W, 0/1) is 1, by the named method. */
    public static Image blend(String method, Image fg, Image bg, Image mask) {
        return blender(method).blend(fg, bg, mask);
    }
}
