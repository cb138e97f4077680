package org.dip4j.samediff.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.DipException;
import org.dip4j.api.Images;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimisation: Adam on the network parameters through SameDiff's {@code fit}, fed by an
 * iterator that perturbs the input each step, watched by a listener that reads the output the
 * training step already computed (no extra forward pass), keeps its moving average, logs the
 * metrics and guards against divergence.
 *
 * <p>The divergence guard generalises the reference's backtracking: when PSNR against the
 * observation falls by more than {@code psnr-drop} dB from one iteration to the next, the
 * parameters of the last good iteration are restored and the iteration is repeated; the Adam
 * state is kept, as in the reference.
 */
final class TrainingLoop {
    private final DipGraph graph;
    private final NetworkInput input;
    private final RunSettings settings;
    private final MetricSuite metrics;
    private final RunObserver observer;
    private final AtomicBoolean stop;
    private final INDArray observation;
    private final Map<String, INDArray> parameters;

    private Map<String, INDArray> lastGood;
    private final INDArray outputHost;
    private final INDArray predictionHost;
    private INDArray average;
    private int done;
    private int restores;
    private double lastPsnr = Double.NaN;
    private static final String ELAPSED = "elapsed-seconds";
    private long startNanos;
    /** Optimisation seconds spent before this process, by the run this one resumes. */
    private double secondsBefore;
    private boolean seenOutput;
    private Map<String, Double> lastMetrics = Map.of();
    private @Nullable Path checkpointFile;
    private int checkpointEvery;
    private @Nullable Checkpoint resumeFrom;
    private final @Nullable EarlyStopping earlyStopping;
    private boolean stoppedEarly;
    private final @Nullable OpProfile profile;
    private final StepRunner runner;

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
        this.observation = observation;
        this.parameters = graph.parameters();
        this.outputHost = Nd4j.create(input.dataType(), outputShape);
        this.predictionHost = observation.ulike();
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
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            e.getValue().assign(required(checkpoint, "param/" + e.getKey()));
        }
        INDArray avg = checkpoint.array("average");
        average = avg == null ? null : avg.dup();
        if (checkpoint.array("good/" + parameters.keySet().iterator().next()) != null) {
            lastGood = new java.util.LinkedHashMap<>();
            for (String name : parameters.keySet()) {
                lastGood.put(name, required(checkpoint, "good/" + name).dup());
            }
        }
        if (earlyStopping != null) {
            earlyStopping.restore(checkpoint.arrays(), checkpoint.extra());
        }
        done = checkpoint.iteration();
        restores = checkpoint.restores();
        lastPsnr = checkpoint.lastPsnr();
        secondsBefore = Double.parseDouble(checkpoint.extra().getProperty(ELAPSED, "0"));
        resumeFrom = checkpoint;
    }

    private static INDArray required(Checkpoint c, String name) {
        INDArray a = c.array(name);
        if (a == null) {
            throw new DipException("the checkpoint has no array " + name + "; it belongs to another network");
        }
        return a;
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
        SameDiff sd = graph.sameDiff();
        Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
        parameters.forEach((name, value) -> arrays.put("param/" + name, value.dup()));
        if (sd.getUpdaterMap() != null) {
            sd.getUpdaterMap().forEach((name, updater) ->
                    stateOf(updater).forEach((key, value) -> arrays.put("adam/" + name + "/" + key, value.dup())));
        }
        if (lastGood != null) {
            lastGood.forEach((name, value) -> arrays.put("good/" + name, value.dup()));
        }
        if (average != null) {
            arrays.put("average", average.dup());
        }
        java.util.Properties extra = new java.util.Properties();
        extra.setProperty(ELAPSED, Double.toString(seconds()));
        if (earlyStopping != null) {
            earlyStopping.save(arrays, extra);
        }
        int steps = (sd.getTrainingConfig() == null ? 0 : sd.getTrainingConfig().getIterationCount()) + stepsPending;
        return new Checkpoint(done, steps, restores, lastPsnr, arrays, extra);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, INDArray> stateOf(org.nd4j.linalg.learning.GradientUpdater<?> updater) {
        return (Map<String, INDArray>) updater.getState();
    }

    /** Puts the checkpoint's Adam moments and step count into the freshly initialised updaters. */
    private void restoreOptimizer(SameDiff sd, Checkpoint c) {
        org.dip4j.samediff.nd4j.Nd4jAdapter.initializeTraining(sd);
        sd.getUpdaterMap().forEach((name, updater) -> stateOf(updater).forEach((key, value) -> {
            INDArray saved = c.array("adam/" + name + "/" + key);
            if (saved != null) {
                value.assign(saved); // assign in place: the state arrays are views of one buffer
            }
        }));
        sd.getTrainingConfig().setIterationCount(c.optimizerSteps());
    }

    /** Whether iterations remain before {@code end} and nothing has asked the run to stop. */
    boolean continuesTo(int end) {
        return done < end && !stop.get() && !stoppedEarly;
    }

    /** Runs until the last iteration or until {@code stop} is set; returns the iterations done. */
    int run() {
        SameDiff sd = graph.sameDiff();
        graph.prepareTraining(settings);
        if (resumeFrom != null) {
            restoreOptimizer(sd, resumeFrom);
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
            if (checkpointFile != null && done > 0) {
                capture().write(checkpointFile);
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
        return restores;
    }

    /** The moving average of the outputs, or null before the first iteration. */
    INDArray average() {
        return average;
    }

    /** The bookkeeping after a step whose parameter update is applied but not yet counted by the optimiser. */
    void afterStep() {
        if (!seenOutput) {
            throw new IllegalStateException("the training step did not expose the network output "
                    + graph.outputName());
        }
        seenOutput = false;
        int i = done;
        if (settings.backtrack()) {
            // Only the divergence guard needs PSNR against the observation every iteration.
            double mse = predictionHost.squaredDistance(observation) / observation.length();
            double psnr = 10 * Math.log10(1.0 / mse);
            if (lastGood != null && psnr - lastPsnr < -settings.backtrackPsnrDrop()) {
                restore(i, lastPsnr - psnr);
                return;
            }
            saveGood();
            lastPsnr = psnr;
        }
        if (average == null) {
            average = outputHost.dup();
        } else {
            average.muli(settings.ema()).addi(outputHost.mul(1 - settings.ema()));
        }
        if (earlyStopping != null && earlyStopping.update(i, outputHost) && settings.earlyStopHalt()) {
            stoppedEarly = true;
        }
        boolean last = i == settings.iterations() - 1 || stoppedEarly;
        if (i % settings.logEvery() == 0 || last) {
            lastMetrics = metrics.evaluate(Images.fromArray(outputHost), Images.fromArray(average),
                    Images.fromArray(predictionHost));
            observer.logged(i, seconds(), lastMetrics);
        }
        if (settings.snapshotEvery() > 0 && i % settings.snapshotEvery() == 0) {
            observer.snapshot(i, Images.fromArray(outputHost));
        }
        done++;
        if (checkpointFile != null && checkpointEvery > 0 && done % checkpointEvery == 0 && done < settings.iterations()) {
            capture(1).write(checkpointFile);
        }
        if (settings.collectEvery() > 0 && done % settings.collectEvery() == 0) {
            // Frees the native buffers of this step's dead arrays now, keeping memory flat (see reference.conf).
            System.gc();
        }
        observer.iterationDone(i, settings.iterations(), seconds(), lastMetrics,
                () -> Images.fromArray(outputHost));
    }

    private void restore(int iteration, double drop) {
        restores++;
        if (restores > settings.maxRestores()) {
            throw new DipException(("the optimisation diverged: PSNR against the observation collapsed %d times "
                    + "(last at iteration %d, a drop of %.1f dB); lower dip.optimizer.learning-rate or raise "
                    + "dip.run.backtrack.max-restores").formatted(restores, iteration, drop));
        }
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            e.getValue().assign(lastGood.get(e.getKey()));
        }
        observer.restored(iteration, drop, restores);
    }

    private void saveGood() {
        if (lastGood == null) {
            lastGood = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
                lastGood.put(e.getKey(), e.getValue().dup());
            }
        } else {
            for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
                lastGood.get(e.getKey()).assign(e.getValue());
            }
        }
    }

    /** Early stopping's state, or null when it is off. */
    @Nullable EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    boolean stoppedEarly() {
        return stoppedEarly;
    }
}
