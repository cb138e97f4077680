/** The DIP optimisation: graph assembly, the training loop, run folders. */
@NullMarked
package org.dip4j.samediff.engine;

import org.jspecify.annotations.NullMarked;
