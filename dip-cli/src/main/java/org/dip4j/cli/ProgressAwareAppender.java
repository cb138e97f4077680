package org.dip4j.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/** A console appender that lifts the progress bar out of the way of each log line. */
public final class ProgressAwareAppender extends ConsoleAppender<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent event) {
        synchronized (ProgressBar.lock()) {
            ProgressBar.clear();
            super.append(event);
            ProgressBar.restore();
        }
    }
}
