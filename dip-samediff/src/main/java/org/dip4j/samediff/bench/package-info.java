/** The benchmark workload shared by {@code dip bench} and the JMH benchmarks (dip-bench). */
@NullMarked
package org.dip4j.samediff.bench;

import org.jspecify.annotations.NullMarked;
