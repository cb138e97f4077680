package org.dip4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.dip4j.experiment.SingleRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The body of one Spark task: limits the native threads, then runs one spec into its folder at
 * the output location. Everything it needs travels with it: the spec holds the resolved
 * configuration and seed, the plugin jars reach the executor through {@code addJar}.
 */
final class RunTask implements Function<RunSpec, RunRecord> {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RunTask.class);

    /** Runs one spec into a local folder; {@link #DIP} in production, a stand-in in tests. */
    @FunctionalInterface
    interface Runner extends Serializable {
        RunRecord run(RunSpec spec, Path folder);
    }

    /** {@link SingleRun} with the plugins on the task's class loader (the executor's, with the added jars). */
    static final Runner DIP = (spec, folder) -> SingleRun.execute(spec, folder,
            PluginRegistry.load(Thread.currentThread().getContextClassLoader()), p -> { },
            new AtomicBoolean());

    private final OutputLocation output;
    private final int threads;
    private final Runner runner;

    RunTask(OutputLocation output, int threads, Runner runner) {
        this.output = output;
        this.threads = threads;
        this.runner = runner;
    }

    @Override
    public RunRecord call(RunSpec spec) {
        NativeThreads.limit(threads);
        log.info("dip run {} with {} native thread(s)", spec.id(), threads);
        return output.run(spec, hadoopConfiguration(), folder -> runner.run(spec, folder));
    }

    /** Hadoop's defaults (core-site.xml on the classpath) plus the job's {@code spark.hadoop.*} settings. */
    private Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            for (Tuple2<String, String> kv : env.conf().getAllWithPrefix("spark.hadoop.")) {
                conf.set(kv._1(), kv._2());
            }
        }
        return conf;
    }
}
