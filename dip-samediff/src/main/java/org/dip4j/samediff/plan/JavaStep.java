package org.dip4j.samediff.plan;

/** A plan step computed in Java (no native call), for the kernels of plan-only ops. */
public record JavaStep(String type, Runnable body) implements PlanStep {
    @Override
    public void run() {
        body.run();
    }

    @Override
    public int nativeCalls() {
        return 0;
    }
}
