/**
 * {@code dip serve}: an embedded HTTP server (Jetty) with a browser UI and a JSON API that starts
 * restorations in-process, streams their progress as server-sent events, and serves the run
 * folders under one directory.
 */
@NullMarked
package org.dip4j.serve;

import org.jspecify.annotations.NullMarked;
