/**
 * Metrics for image blending (report, supplementary A4): gradient-based fusion factor
 * ({@code gff}), gradient fusion performance ({@code gfp}), boundary smoothness index
 * ({@code bsi}) and SSIM against the background in the transition region
 * ({@code ssim_masked}). Static functions in {@link org.dip4j.metrics.blend.BlendMetrics}, plugins
 * alongside.
 */
@NullMarked
package org.dip4j.metrics.blend;

import org.jspecify.annotations.NullMarked;
