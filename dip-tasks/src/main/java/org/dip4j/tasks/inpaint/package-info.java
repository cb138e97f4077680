/**
 * The {@code inpaint} task: restore the missing pixels of an image given a known-pixel mask,
 * read from a file or generated (random drop-out, text).
 */
@NullMarked
package org.dip4j.tasks.inpaint;

import org.jspecify.annotations.NullMarked;
