/**
 * Image quality metrics computed on the host in double precision, and their {@link org.dip4j.spi.Metric}
 * plugins.
 *
 * <p>{@link org.dip4j.metrics.Psnr} holds the PSNR family (whole image, masked, coarse, Y channel) as
 * plain static functions; the {@code *Metric} classes expose them to runs by id.
 */
@NullMarked
package org.dip4j.metrics;

import org.jspecify.annotations.NullMarked;
