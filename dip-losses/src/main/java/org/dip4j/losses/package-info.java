/** Loss plugins: data terms and regularisers, written from basic SameDiff ops. */
@NullMarked
package org.dip4j.losses;

import org.jspecify.annotations.NullMarked;
