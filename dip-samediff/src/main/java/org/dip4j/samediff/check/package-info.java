/** Finite-difference gradient checks for graphs and plugins. */
@NullMarked
package org.dip4j.samediff.check;

import org.jspecify.annotations.NullMarked;
