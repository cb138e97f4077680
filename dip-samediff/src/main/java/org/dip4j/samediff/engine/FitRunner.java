package org.dip4j.samediff.engine;

import org.dip4j.samediff.nd4j.Nd4jAdapter;
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
 * Training steps through SameDiff's own {@code fit} (the {@code samediff} executor): an iterator
 * perturbs the input each step, a listener reads the output the step already computed.
 */
final class FitRunner implements StepRunner {
    /**
     * Iterations per call of SameDiff's {@code fit} ({@code dip.run.steps-per-fit}). M2.1's
     * training session records the id of every array it frees in a set it never clears (about
     * 1,900 ids, 120 kB of heap, per step of the skip network); a fresh call starts a fresh
     * session, so the set stays small.
     */
    private final int stepsPerFit;

    FitRunner(int stepsPerFit) {
        this.stepsPerFit = stepsPerFit;
    }

    @Override
    public void run(TrainingLoop loop) {
        SameDiff sd = loop.graph().sameDiff();
        Watcher watcher = new Watcher(loop);
        int iterations = loop.settings().iterations();
        boolean reuseArrays = loop.settings().reuseArrays();
        while (loop.continuesTo(iterations)) {
            Nd4jAdapter.fit(sd, new PerturbedInputs(loop, Math.min(iterations, loop.done() + stepsPerFit)), reuseArrays,
                    watcher);
        }
    }

    /** Copies the output and prediction out of the training step, then runs the bookkeeping. */
    private static final class Watcher extends BaseListener {
        private final TrainingLoop loop;

        Watcher(TrainingLoop loop) {
            this.loop = loop;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder()
                    .trainingVariables(loop.graph().outputName(), loop.graph().predictionName()).build();
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                INDArray activation) {
            if (activation == null) {
                return;
            }
            if (varName.equals(loop.graph().outputName())) {
                loop.observeOutput(activation);
            }
            if (varName.equals(loop.graph().predictionName())) {
                loop.observePrediction(activation);
            }
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            loop.afterStep();
        }
    }

    /** One batch per iteration, up to iteration {@code end}: the perturbed input and the progress t/T. */
    private static final class PerturbedInputs implements MultiDataSetIterator {
        private final TrainingLoop loop;
        private final INDArray progress;
        private final int end;

        PerturbedInputs(TrainingLoop loop, int end) {
            this.loop = loop;
            this.end = end;
            this.progress = Nd4j.scalar(loop.input().dataType(), 0.0);
        }

        @Override
        public boolean hasNext() {
            return loop.continuesTo(end);
        }

        @Override
        public MultiDataSet next() {
            progress.assign((double) loop.done() / loop.settings().iterations());
            return new org.nd4j.linalg.dataset.MultiDataSet(
                    new INDArray[] {loop.input().perturbed(loop.done()), progress}, new INDArray[0]);
        }

        @Override
        public MultiDataSet next(int num) {
            return next();
        }

        @Override
        public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
            throw new UnsupportedOperationException("no preprocessing of DIP inputs");
        }

        @Override
        public @org.jspecify.annotations.Nullable MultiDataSetPreProcessor getPreProcessor() {
            return null;
        }

        @Override
        public boolean resetSupported() {
            return false;
        }

        @Override
        public boolean asyncSupported() {
            // The arrays are refilled in place: prefetching would overwrite them early.
            return false;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a DIP run is one pass");
        }
    }
}
