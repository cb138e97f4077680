/** JMH benchmarks of the DIP training step. */
@NullMarked
package org.dip4j.bench;

import org.jspecify.annotations.NullMarked;
