/**
 * The {@code blend} task: multi-scale DIP image blending of a foreground into a background under
 * a coarse mask (report 4.2, supplement A3), with the soft transition map the
 * {@code blend-*} loss terms anneal.
 */
@NullMarked
package org.dip4j.tasks.blend;

import org.jspecify.annotations.NullMarked;
