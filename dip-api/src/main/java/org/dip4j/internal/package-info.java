/**
 * Helpers that several dip4j modules share but that are no part of the API: they may change in
 * any release. Plugins should not use them.
 */
@NullMarked
package org.dip4j.internal;

import org.jspecify.annotations.NullMarked;
