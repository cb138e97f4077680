package org.dip4j.samediff.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Images;
import org.dip4j.samediff.nd4j.Nd4jAdapter;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimisation's bookkeeping around the training steps a {@link StepRunner} executes: after
 * each step it lets the {@link DivergenceGuard} judge it, adds the output to the
 * {@link OutputAverage} and the {@link EarlyStopping}, logs the metrics, writes snapshots and
 * checkpoints (laid out by {@link CheckpointCodec}) and frees dead native buffers.
 */
final class TrainingLoop {
    private final DipGraph graph;
    private final NetworkInput input;
    private final RunSettings settings;
    private final MetricSuite metrics;
    private final RunObserver observer;
    private final AtomicBoolean stop;
    private final Map<String, INDArray> parameters;
    private final StepRunner runner;
    private final @Nullable OpProfile profile;

    private final INDArray outputHost;
    private final INDArray predictionHost;
    private boolean seenOutput;
    private final DivergenceGuard guard;
    private final OutputAverage average;
    private final @Nullable EarlyStopping earlyStopping;
    private boolean stoppedEarly;

    private int done;
    private long startNanos;
    /** Optimisation seconds spent before this process, by the run this one resumes. */
    private double secondsBefore;
    private Map<String, Double> lastMetrics = Map.of();
    private @Nullable Path checkpointFile;
    private int checkpointEvery;
    private @Nullable Checkpoint resumeFrom;

    TrainingLoop(DipGraph graph, NetworkInput input, RunSettings settings, MetricSuite metrics, INDArray observation,
            long[] outputShape, RunObserver observer, AtomicBoolean stop, StepRunner runner, @Nullable OpProfile profile) {
        this.runner = runner;
        this.profile = profile;
        this.graph = graph;
        this.input = input;
        this.settings = settings;
        this.metrics = metrics;
        this.observer = observer;
        this.stop = stop;
        this.parameters = graph.parameters();
        this.outputHost = Nd4j.create(input.dataType(), outputShape);
        this.predictionHost = observation.ulike();
        this.guard = new DivergenceGuard(settings.backtrackPsnrDrop(), settings.maxRestores(), parameters, observation);
        this.average = new OutputAverage(settings.ema());
        this.earlyStopping = settings.earlyStop() ? new EarlyStopping(settings.earlyStopWindow(),
                settings.earlyStopPatience(), outputShape, input.dataType()) : null;
    }

    /** Writes a checkpoint to {@code file} every {@code every} iterations (0: only at the end). */
    void checkpointTo(Path file, int every) {
        this.checkpointFile = file;
        this.checkpointEvery = every;
    }

    /** Continues from {@code checkpoint} instead of from the initial state. */
    void resumeFrom(Checkpoint checkpoint) {
        CheckpointCodec.restore(checkpoint, parameters, guard, average, earlyStopping);
        done = checkpoint.iteration();
        secondsBefore = CheckpointCodec.seconds(checkpoint);
        resumeFrom = checkpoint;
    }

    /** The complete state after the last completed iteration, taken after SameDiff's fit returned. */
    Checkpoint capture() {
        return capture(0);
    }

    /**
     * The complete state after the last completed iteration. Inside a training step SameDiff has
     * not yet counted that step ({@code stepsPending} = 1), though Adam has already applied it.
     */
    private Checkpoint capture(int stepsPending) {
        return CheckpointCodec.encode(done, stepsPending, seconds(), graph.sameDiff(), parameters, guard, average,
                earlyStopping);
    }

    /** Whether iterations remain before {@code end} and nothing has asked the run to stop. */
    boolean continuesTo(int end) {
        return done < end && !stop.get() && !stoppedEarly;
    }

    /** Runs until the last iteration or until {@code stop} is set; returns the iterations done. */
    int run() {
        SameDiff sd = graph.sameDiff();
        graph.prepareTraining(settings);
        Checkpoint resume = resumeFrom;
        if (resume != null) {
            Nd4jAdapter.initializeTraining(sd);
            CheckpointCodec.restoreOptimizer(resume, sd);
        }
        startNanos = System.nanoTime();
        if (done >= settings.iterations()) {
            return done; // resuming a finished run: SameDiff's fit fails on an empty epoch
        }
        if (profile != null && runner instanceof PlanRunner plan) {
            plan.timeSteps(profile);
        }
        try {
            runner.run(this);
        } finally {
            Path file = checkpointFile;
            if (file != null && done > 0) {
                capture().write(file);
            }
        }
        return done;
    }

    /** The iterations completed so far. */
    int done() {
        return done;
    }

    RunSettings settings() {
        return settings;
    }

    DipGraph graph() {
        return graph;
    }

    NetworkInput input() {
        return input;
    }

    /** The step's output (the network's image), copied out before {@link #afterStep()}. */
    void observeOutput(INDArray output) {
        seenOutput = true;
        outputHost.assign(output);
    }

    /** The step's prediction (the output through the forward model), copied out before {@link #afterStep()}. */
    void observePrediction(INDArray prediction) {
        predictionHost.assign(prediction);
    }

    /** Optimisation wall time of the run, including the time before a resume. */
    double seconds() {
        return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
    }

    int restores() {
        return guard.restores();
    }

    /** The moving average of the outputs, or null before the first iteration. */
    @Nullable INDArray average() {
        return average.value();
    }

    /** The bookkeeping after a step whose parameter update is applied but not yet counted by the optimiser. */
    void afterStep() {
        if (!seenOutput) {
            throw new IllegalStateException("the training step did not expose the network output "
                    + graph.outputName());
        }
        seenOutput = false;
        int i = done;
        // Only the divergence guard needs PSNR against the observation every iteration.
        if (settings.backtrack() && guard.undoes(i, predictionHost, observer)) {
            return;
        }
        average.add(outputHost);
        if (earlyStopping != null && earlyStopping.update(i, outputHost) && settings.earlyStopHalt()) {
            stoppedEarly = true;
        }
        boolean last = i == settings.iterations() - 1 || stoppedEarly;
        if (i % settings.logEvery() == 0 || last) {
            INDArray smoothed = java.util.Objects.requireNonNull(average.value());
            lastMetrics = metrics.evaluate(Images.fromArray(outputHost), Images.fromArray(smoothed),
                    Images.fromArray(predictionHost));
            observer.logged(i, seconds(), lastMetrics);
        }
        if (settings.snapshotEvery() > 0 && i % settings.snapshotEvery() == 0) {
            observer.snapshot(i, Images.fromArray(outputHost));
        }
        done++;
        Path file = checkpointFile;
        if (file != null && checkpointEvery > 0 && done % checkpointEvery == 0 && done < settings.iterations()) {
            capture(1).write(file);
        }
        if (settings.collectEvery() > 0 && done % settings.collectEvery() == 0) {
            // Frees the native buffers of this step's dead arrays now, keeping memory flat (see reference.conf).
            System.gc();
        }
        observer.iterationDone(i, settings.iterations(), seconds(), lastMetrics,
                () -> Images.fromArray(outputHost));
    }

    /** Early stopping's state, or null when it is off. */
    @Nullable EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    boolean stoppedEarly() {
        return stoppedEarly;
    }
}
