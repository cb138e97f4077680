package org.dip4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.dip4j.api.PluginRegistry;
import org.dip4j.experiment.RunExecutor;
import org.dip4j.experiment.RunRecord;
import org.dip4j.experiment.RunSpec;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment's specs on Spark, one Spark job of one task per spec, all submitted at once
 * so the scheduler keeps every executor core busy. One job per run keeps runs independent: a task
 * that crashes is retried by Spark ({@code spark.task.maxFailures}) and, if it keeps crashing,
 * fails that run alone; a run with bad input comes back as a {@link RunRecord.Status#FAILED}
 * record from {@link org.dip4j.experiment.SingleRun} without a retry.
 *
 * <p>The Spark context is created for the call and stopped after it, unless one was already
 * running in this JVM (then it is used and left running).
 */
public final class SparkExecutor implements RunExecutor {
    private static final Logger log = LoggerFactory.getLogger(SparkExecutor.class);
    private static final String SESSION = "spark.dip4j.session";

    private final @Nullable String master;
    private final PluginRegistry registry;
    private final AtomicBoolean stop;
    private final RunTask.Runner runner;

    /** Runs on {@code master} (null: {@code spark.master}, else {@code local[*]}) with the driver's plugins. */
    public SparkExecutor(@Nullable String master, PluginRegistry registry, AtomicBoolean stop) {
        this(master, registry, stop, RunTask.DIP);
    }

    SparkExecutor(@Nullable String master, PluginRegistry registry, AtomicBoolean stop, RunTask.Runner runner) {
        this.master = master;
        this.registry = registry;
        this.stop = stop;
        this.runner = runner;
    }

    @Override
    public List<RunRecord> execute(List<RunSpec> specs, Path experimentFolder) {
        if (specs.isEmpty()) {
            return List.of();
        }
        SparkConf conf = SparkSettings.conf(master);
        String session = UUID.randomUUID().toString();
        conf.set(SESSION, session);
        SparkContext sc = SparkContext.getOrCreate(conf);
        boolean own = session.equals(sc.getConf().get(SESSION, ""));
        boolean local = SparkSettings.isLocal(sc.getConf());
        // Local tasks run in this JVM and set its process-wide thread limits; put them back after.
        int maxThreads = local ? Nd4j.getEnvironment().maxThreads() : 0;
        int maxMasterThreads = local ? Nd4j.getEnvironment().maxMasterThreads() : 0;
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
            for (Path jar : PluginJars.of(registry, Thread.currentThread().getContextClassLoader())) {
                jsc.addJar(jar.toString());
            }
            OutputLocation output = output(sc.getConf(), experimentFolder);
            int threads = SparkSettings.threadsPerTask(sc.getConf());
            log.info("running {} runs on {} ({} thread(s) per run), run folders in {}", specs.size(), sc.master(),
                    threads, output);
            RunTask task = new RunTask(output, threads, runner);
            List<JavaFutureAction<List<RunRecord>>> jobs = new ArrayList<>();
            for (RunSpec spec : specs) {
                jsc.setJobDescription("dip run " + spec.id());
                jobs.add(jsc.parallelize(List.of(spec), 1).map(task).collectAsync());
            }
            return collect(specs, jobs, sc);
        } finally {
            if (own) {
                sc.stop();
            }
            if (local) {
                Nd4j.getEnvironment().setMaxThreads(maxThreads);
                Nd4j.getEnvironment().setMaxMasterThreads(maxMasterThreads);
            }
        }
    }

    /** The experiment folder, or its namesake under {@code spark.dip4j.output} when that is set. */
    private static OutputLocation output(SparkConf conf, Path experimentFolder) {
        OutputLocation output = conf.contains(SparkSettings.OUTPUT)
                ? OutputLocation.parse(conf.get(SparkSettings.OUTPUT)).child(experimentFolder.toAbsolutePath()
                        .normalize().getFileName().toString())
                : OutputLocation.local(experimentFolder);
        if (!output.isHadoop()) {
            try {
                Files.createDirectories(Path.of(output.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + output + ": " + e.getMessage(), e);
            }
        }
        return output;
    }

    /** The records in spec order; waits for every job, cancelling the rest when {@code stop} is set. */
    private List<RunRecord> collect(List<RunSpec> specs, List<JavaFutureAction<List<RunRecord>>> jobs, SparkContext sc) {
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RunSpec spec = specs.get(i);
            RunRecord record = await(spec, jobs.get(i), jobs, sc);
            log.info("{} {} ({} of {}){}", spec.id(), record.status(), i + 1, specs.size(),
                    record.error() == null ? "" : ": " + record.error());
            records.add(record);
        }
        return records;
    }

    private RunRecord await(RunSpec spec, JavaFutureAction<List<RunRecord>> job,
            List<JavaFutureAction<List<RunRecord>>> all, SparkContext sc) {
        while (true) {
            try {
                return job.get(500, TimeUnit.MILLISECONDS).get(0);
            } catch (TimeoutException e) {
                if (stop.get()) {
                    all.forEach(j -> j.cancel(true));
                }
            } catch (CancellationException e) {
                return new RunRecord(spec.id(), RunRecord.Status.INTERRUPTED, 0, 0, Map.of(), null);
            } catch (ExecutionException e) {
                // Ctrl-C, or the JVM shutting down (which stops the context and cancels every job).
                if (stop.get() || sc.isStopped()) {
                    return new RunRecord(spec.id(), RunRecord.Status.INTERRUPTED, 0, 0, Map.of(), null);
                }
                // Spark's message says how many attempts failed and the last attempt's exception.
                return RunRecord.failed(spec.id(), "the Spark task crashed: "
                        + firstLine(e.getCause() == null ? e : e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                all.forEach(j -> j.cancel(true));
                return new RunRecord(spec.id(), RunRecord.Status.INTERRUPTED, 0, 0, Map.of(), null);
            }
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
