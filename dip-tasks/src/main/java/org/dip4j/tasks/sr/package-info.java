/**
 * Super-resolution: the {@code sr} task, the reference's fixed Lanczos2 downsampler as a
 * differentiable forward model, and Pillow-compatible classical resampling for the
 * low-resolution input and the interpolation baselines.
 */
@NullMarked
package org.dip4j.tasks.sr;

import org.jspecify.annotations.NullMarked;
