/** The denoising task: synthetic Gaussian noise on a clean image, or a given noisy image. */
@NullMarked
package org.dip4j.tasks.denoise;

import org.jspecify.annotations.NullMarked;
