/** Graph building blocks with correct gradients in SameDiff 1.0.0-M2.1: padding, BatchNorm, upsampling, convolution. */
@NullMarked
package org.dip4j.samediff.graph;

import org.jspecify.annotations.NullMarked;
