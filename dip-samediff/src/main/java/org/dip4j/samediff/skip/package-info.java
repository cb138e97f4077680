/** The reference "skip" encoder-decoder network. */
@NullMarked
package org.dip4j.samediff.skip;

import org.jspecify.annotations.NullMarked;
