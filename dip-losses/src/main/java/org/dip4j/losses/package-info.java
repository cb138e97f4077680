/**
 * Loss plugins: differentiable data terms built from basic SameDiff ops.
 *
 * <p>None of them uses {@code sd.loss()}: in ND4J 1.0.0-M2.1 those ops ignore the upstream
 * gradient, so a weighted sum of them would train wrongly.
 */
@NullMarked
package org.dip4j.losses;

import org.jspecify.annotations.NullMarked;
