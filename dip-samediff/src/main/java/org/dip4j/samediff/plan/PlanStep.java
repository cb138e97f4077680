package org.dip4j.samediff.plan;

/** One call of a compiled training step: a native op on bound arrays, or a Java kernel. */
public interface PlanStep {
    void run();

    /** The op type, for profiles (e.g. {@code conv2d_bp}). */
    String type();

    /** Native calls this step makes per run, for the per-op overhead figure. */
    default int nativeCalls() {
        return 1;
    }
}
