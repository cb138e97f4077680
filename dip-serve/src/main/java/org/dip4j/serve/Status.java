package org.dip4j.serve;

import java.util.Locale;

/** Where a run is in its life; {@link #json()} is the API's spelling. */
enum Status {
    QUEUED, RUNNING, DONE, FAILED, STOPPED;

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }
}
