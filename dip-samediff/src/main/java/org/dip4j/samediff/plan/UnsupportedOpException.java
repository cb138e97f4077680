package org.dip4j.samediff.plan;

/** The gradient graph holds an op the plan cannot run (control flow, random numbers, ...). */
public final class UnsupportedOpException extends RuntimeException {
    private final String op;

    UnsupportedOpException(String op, String why) {
        super("the plan executor cannot run op " + op + ": " + why);
        this.op = op;
    }

    /** The op's type and name, e.g. {@code "while (loop/while)"}. */
    public String op() {
        return op;
    }
}
