/**
 * Experiment grids and image batches on Apache Spark ({@code --engine spark}): one DIP run per
 * Spark task, each limited to its share of the executor's cores, writing its run folder to a
 * local or Hadoop-compatible output location.
 */
@NullMarked
package org.dip4j.spark;

import org.jspecify.annotations.NullMarked;
