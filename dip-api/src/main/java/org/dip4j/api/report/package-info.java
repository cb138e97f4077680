/**
 * Tables of results, written as CSV and Markdown by task reports (one row per method) and by
 * experiment reports (cells over seeds).
 */
@NullMarked
package org.dip4j.api.report;

import org.jspecify.annotations.NullMarked;
