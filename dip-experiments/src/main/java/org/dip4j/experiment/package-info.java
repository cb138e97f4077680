/**
 * Experiment grids: many DIP runs (images × settings × seeds) planned as {@link RunSpec}s,
 * executed by a {@link RunExecutor} (one after another here, on Spark in {@code dip-spark}),
 * each into its own run folder, and summarised as {@link RunRecord}s.
 */
@NullMarked
package org.dip4j.experiment;

import org.jspecify.annotations.NullMarked;
