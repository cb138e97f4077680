/** What the tasks share: cropping to the network's multiples and to a reduced size. */
@NullMarked
package org.dip4j.tasks;

import org.jspecify.annotations.NullMarked;
