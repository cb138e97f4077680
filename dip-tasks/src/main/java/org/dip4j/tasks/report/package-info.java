/**
 * Shared pieces of the tasks' run reports: side-by-side comparison figures and small result
 * tables written as CSV and Markdown.
 */
@NullMarked
package org.dip4j.tasks.report;

import org.jspecify.annotations.NullMarked;
