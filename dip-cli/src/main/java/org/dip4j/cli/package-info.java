/** The {@code dip} command line: runs, task shortcuts, baselines, scores and plugin listings. */
@NullMarked
package org.dip4j.cli;

import org.jspecify.annotations.NullMarked;
