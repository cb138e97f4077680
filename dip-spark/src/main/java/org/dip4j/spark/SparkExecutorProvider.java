package org.dip4j.spark;

import org.dip4j.experiment.ExecutorProvider;
import org.dip4j.experiment.RunExecutor;

/**
 * {@code --engine spark}: runs every spec as its own Spark task, on {@code --master} (a
 * {@code spark://HOST:PORT} standalone cluster, {@code yarn}, {@code local[N]}...) or, without
 * one, on the master {@code spark-submit} set, else in the embedded {@code local[*]} mode.
 */
public final class SparkExecutorProvider implements ExecutorProvider {
    @Override
    public String id() {
        return "spark";
    }

    @Override
    public String description() {
        return "one run per Spark task, on --master or spark-submit's master (--engine spark)";
    }

    @Override
    public RunExecutor create(Options options) {
        return new SparkExecutor(options.master(), options.registry(), options.stop());
    }
}
