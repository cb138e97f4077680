package org.dip4j.samediff.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dip4j.samediff.plan.PlanCompiler;
import org.dip4j.samediff.plan.StepPlan;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Training steps as a compiled {@link StepPlan} (the {@code plan} executor): SameDiff's gradient
 * function bound once to fixed arrays, then per step a flat loop of native calls, followed by
 * SameDiff's own Adam updaters (so checkpoints and resume see the same optimiser state as with
 * {@code fit}).
 */
final class PlanRunner implements StepRunner, AutoCloseable {
    private final StepPlan plan;
    private final INDArray input;
    private final INDArray progress;
    private final List<Update> updates = new ArrayList<>();
    private final String output;
    private final String prediction;
    private final @org.jspecify.annotations.Nullable FusedAdam fusedAdam;

    private record Update(INDArray parameter, INDArray gradient, GradientUpdater<?> updater) {}

    /**
     * Compiles the plan of {@code graph}, whose training configuration and gradient function exist;
     * with {@code javaKernels} the Adam update is one fused Java pass, otherwise ND4J's own.
     *
     * @throws org.dip4j.samediff.plan.UnsupportedOpException when the graph holds an op the plan cannot run
     */
    PlanRunner(DipGraph graph, boolean javaKernels) {
        SameDiff sd = graph.sameDiff();
        SameDiff grad = sd.getFunction("grad");
        org.dip4j.samediff.nd4j.Nd4jAdapter.initializeTraining(sd);
        input = Nd4j.create(sd.getVariable(DipGraph.INPUT).dataType(), sd.getVariable(DipGraph.INPUT).placeholderShape());
        progress = Nd4j.scalar(sd.getVariable(DipGraph.PROGRESS).dataType(), 0.0);
        output = graph.outputName();
        prediction = graph.predictionName();
        Map<String, String> gradients = new LinkedHashMap<>();
        for (String name : graph.parameters().keySet()) {
            SDVariable g = sd.getVariable(name).getGradient();
            if (g != null) { // a parameter the loss does not depend on has none
                gradients.put(name, g.name());
            }
        }
        List<String> outputs = new ArrayList<>(gradients.values());
        outputs.add(output);
        outputs.add(prediction);
        plan = new PlanCompiler(grad, Map.of(DipGraph.INPUT, input, DipGraph.PROGRESS, progress), outputs).compile();
        Map<String, INDArray> parameters = graph.parameters();
        gradients.forEach((name, g) -> updates.add(
                new Update(java.util.Objects.requireNonNull(parameters.get(name)), plan.output(g),
                        java.util.Objects.requireNonNull(sd.getUpdaterMap().get(name), "Adam updater of " + name))));
        fusedAdam = !javaKernels ? null : FusedAdam.of(updates.stream()
                .map(u -> new FusedAdam.Target(u.parameter(), u.gradient(), u.updater())).toList());
    }

    private org.dip4j.samediff.plan.StepPlan.@org.jspecify.annotations.Nullable OpTimer timer;

    StepPlan plan() {
        return plan;
    }

    /** Times the plan's steps, and the input perturbation and Adam update around them, into {@code timer}. */
    void timeSteps(StepPlan.OpTimer timer) {
        this.timer = timer;
        plan.timeSteps(timer);
    }

    @Override
    public void run(TrainingLoop loop) {
        TrainingConfig config = loop.graph().sameDiff().getTrainingConfig();
        int iterations = loop.settings().iterations();
        while (loop.continuesTo(iterations)) {
            long t0 = System.nanoTime();
            loop.input().perturbInto(input, loop.done());
            if (timer != null) {
                timer.timed("(input perturbation)", System.nanoTime() - t0);
            }
            step((double) loop.done() / iterations, config);
            loop.observeOutput(plan.output(output));
            loop.observePrediction(plan.output(prediction));
            loop.afterStep();
            config.incrementIterationCount();
        }
    }

    @Override
    public void close() {
        plan.close();
    }

    /** One training step on the input already in place: forward, backward and the Adam update of every parameter. */
    void step(double progressValue, TrainingConfig config) {
        progress.assign(progressValue);
        plan.run();
        long t0 = System.nanoTime();
        int iteration = config.getIterationCount();
        int epoch = config.getEpochCount();
        if (fusedAdam != null) {
            fusedAdam.step(iteration, epoch);
        } else {
            for (Update u : updates) {
                u.updater().applyUpdater(u.gradient(), iteration, epoch);
                u.parameter().subi(u.gradient());
            }
        }
        if (timer != null) {
            timer.timed("(adam update)", System.nanoTime() - t0);
        }
    }
}
