/**
 * The one place that adapts ND4J/SameDiff 1.0.0-M2.1: what it does through reflection, system
 * properties or standard output, applied once per JVM and safe for several runs at once.
 */
@NullMarked
package org.dip4j.samediff.nd4j;

import org.jspecify.annotations.NullMarked;
