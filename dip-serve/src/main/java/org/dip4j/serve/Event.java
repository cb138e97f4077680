package org.dip4j.serve;

/** One server-sent event: its name and its JSON data; {@link #END} closes the stream. */
record Event(String name, String data) {
    static final Event END = new Event("", "");

    /** The event in the text/event-stream format. */
    String wire() {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
