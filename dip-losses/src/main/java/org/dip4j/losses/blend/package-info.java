/**
 * The loss terms of multi-scale DIP image blending (report section 4.2 and supplement A3):
 * background pixel, low-frequency and illumination consistency, foreground multi-scale gradient
 * and gradient-direction preservation, transition-band gradient blending and anisotropic texture
 * propagation. Each term is its own {@link org.dip4j.spi.Loss} plugin ({@code blend-*}); all of
 * them weight pixels with the annealed soft transition map α_t of {@link AnnealedAlpha}.
 *
 * <p>Inputs, by {@link org.dip4j.spi.LossGraph} name: F = {@code prediction()} (the blend: the network
 * output through the task's output parameterisation, the output itself for the report's formulation),
 * A = {@code auxiliary(FOREGROUND)}, B = {@code auxiliary(BACKGROUND)}, α = {@code auxiliary(ALPHA)}
 * (1×1×H×W), t/T = {@code progress()}.
 */
@NullMarked
package org.dip4j.losses.blend;

import org.jspecify.annotations.NullMarked;
