/**
 * Metric plugins computed on the host in double precision: PSNR variants and SSIM, matching the
 * golden values of scikit-image.
 */
@NullMarked
package org.dip4j.metrics;

import org.jspecify.annotations.NullMarked;
