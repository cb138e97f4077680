package org.dip4j.samediff.engine;

/**
 * Runs the training steps of a {@link TrainingLoop}: each step feeds the perturbed input, computes
 * the loss and its gradients, applies Adam, hands the loop the step's output and prediction and
 * calls {@link TrainingLoop#afterStep()}, until {@link TrainingLoop#continuesTo} says stop.
 */
interface StepRunner {
    void run(TrainingLoop loop);
}
