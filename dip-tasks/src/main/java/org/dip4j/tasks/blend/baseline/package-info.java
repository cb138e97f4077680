/**
 * Classical image blending baselines: hard alpha compositing, Gaussian feathering, Laplacian
 * pyramid blending (Burt and Adelson) and Poisson image editing (Pérez et al. 2003), each
 * defined exactly as the golden reference outputs were made so the JVM results can be checked
 * against them.
 */
@NullMarked
package org.dip4j.tasks.blend.baseline;

import org.jspecify.annotations.NullMarked;
