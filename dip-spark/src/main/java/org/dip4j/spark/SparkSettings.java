package org.dip4j.spark;

import org.apache.spark.SparkConf;
import org.jspecify.annotations.Nullable;

/**
 * The Spark configuration of a grid: {@code spark.*} system properties (what {@code spark-submit}
 * and {@code -Dspark.x=y} set) under the master given on the command line, with dip4j's defaults
 * for what is left unset.
 */
final class SparkSettings {
    /** Optional root for run folders elsewhere than the experiment folder: a shared path or a Hadoop URI. */
    static final String OUTPUT = "spark.dip4j.output";
    /** Master used when neither {@code --master} nor {@code spark.master} names one. */
    static final String DEFAULT_MASTER = "local[*]";

    private SparkSettings() {}

    static SparkConf conf(@Nullable String master) {
        SparkConf conf = new SparkConf(true);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        conf.setIfMissing("spark.app.name", "dip4j");
        // One core per run unless told otherwise; the run's native threads follow spark.task.cpus.
        conf.setIfMissing("spark.task.cpus", "1");
        // Executor JVMs start OpenMP with this many threads, before any task limits them.
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", conf.get("spark.task.cpus"));
        // The progress bar would garble the terminal; runs report through the table and logs.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (isLocal(conf)) {
            // The embedded mode starts no web UI (a second or two saved per command).
            conf.setIfMissing("spark.ui.enabled", "false");
            // Everything stays in this JVM: listen on loopback only.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    static boolean isLocal(SparkConf conf) {
        return conf.get("spark.master").startsWith("local");
    }

    static int threadsPerTask(SparkConf conf) {
        return conf.getInt("spark.task.cpus", 1);
    }
}
