package org.dip4j.experiment;

/** The default engine: {@link LocalExecutor}, one run after another in this JVM. */
public final class LocalExecutorProvider implements ExecutorProvider {
    @Override
    public String id() {
        return "local";
    }

    @Override
    public String description() {
        return "runs one after another in this JVM (--engine local)";
    }

    @Override
    public RunExecutor create(Options options) {
        return new LocalExecutor(options.registry(), options.observer(), options.stop());
    }
}
