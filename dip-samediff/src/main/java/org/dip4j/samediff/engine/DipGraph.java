package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Architecture;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.dip4j.spi.NetworkGraph;
import org.dip4j.spi.Problem;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.dip4j.samediff.nd4j.Nd4jAdapter;
import org.dip4j.samediff.graph.PlanGraphs;
import org.dip4j.samediff.plan.PlanCompiler;
import org.dip4j.samediff.plan.StepPlan;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The whole optimisation graph of one run: input placeholder → network → forward model →
 * weighted sum of the task's loss terms. Built once; the training loop only feeds it.
 */
public final class DipGraph {
    /** Placeholder of the (perturbed) network input, 1×C_in×H×W. */
    public static final String INPUT = "dip/input";
    /** Scalar placeholder of the run's progress t/T. */
    public static final String PROGRESS = "dip/progress";

    private final SameDiff sd;
    private final String output;
    private final String prediction;
    private final SDVariable loss;
    private final Map<String, Double> lossWeights;
    private final long parameterCount;

    private DipGraph(SameDiff sd, String output, String prediction, SDVariable loss, Map<String, Double> lossWeights) {
        this.sd = sd;
        this.output = output;
        this.prediction = prediction;
        this.loss = loss;
        this.lossWeights = lossWeights;
        long n = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                n += v.getArr().length();
            }
        }
        this.parameterCount = n;
    }

    /**
     * Builds the graph for {@code problem}.
     *
     * @param config the effective configuration (for plugin settings)
     * @param lossWeights loss id → weight; zero weights are left out
     */
    public static DipGraph build(Problem problem, RunSettings settings, Config config, PluginRegistry registry,
            Map<String, Double> lossWeights, DataType dataType) {
        return build(problem, settings, config, registry, lossWeights, dataType, settings.usesPlanGraph());
    }

    /**
     * As above; {@code planGraph} builds it for the plan executor (with ops only the plan runs,
     * see {@link PlanGraphs}), otherwise from native ops that SameDiff's own executor runs.
     */
    public static DipGraph build(Problem problem, RunSettings settings, Config config, PluginRegistry registry,
            Map<String, Double> lossWeights, DataType dataType, boolean planGraph) {
        Nd4jAdapter.apply();
        SameDiff sd = SameDiff.create();
        if (planGraph) {
            PlanGraphs.enable(sd);
        }
        SDVariable input = sd.placeHolder(INPUT, dataType, 1, settings.inputChannels(), problem.outputHeight(),
                problem.outputWidth());
        SDVariable progress = sd.placeHolder(PROGRESS, dataType);

        Architecture architecture = registry.get(Architecture.class, settings.architecture());
        NetworkGraph net = new NetworkGraph(sd, input, settings.inputChannels(), problem.outputChannels(),
                settingsOf(config, PluginKind.ARCHITECTURE, architecture.id()), Seeds.weights(settings.seed()),
                dataType);
        // No identity op to rename it: SameDiff M2.1 hands listeners a null activation for identity.
        SDVariable output = architecture.define(net);
        SDVariable prediction = problem.forwardModel().degrade(sd, output);
        long[] predicted = prediction.getShape();
        Image obs = problem.observation();
        if (predicted != null && predicted.length == 4 && (predicted[1] != obs.channels()
                || predicted[2] != obs.height() || predicted[3] != obs.width())) {
            throw new InvalidInputException("the forward model maps the output to " + java.util.Arrays.toString(predicted)
                    + " but the observation is " + obs.shape());
        }

        LossGraph.Builder lg = LossGraph.builder(sd).output(output).prediction(prediction)
                .observation(sd.constant("dip/observation", Images.toArray(obs, dataType)))
                .progress(progress);
        if (problem.mask() != null) {
            lg.mask(sd.constant("dip/mask", Images.toArray(problem.mask(), dataType)));
        }
        for (Map.Entry<String, Image> e : problem.auxiliary().entrySet()) {
            lg.auxiliary(e.getKey(), sd.constant("dip/aux/" + e.getKey(), Images.toArray(e.getValue(), dataType)));
        }
        LossGraph base = lg.build();

        List<SDVariable> terms = new ArrayList<>();
        Map<String, Double> used = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : lossWeights.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            Loss loss = registry.get(Loss.class, e.getKey());
            SDVariable term = loss.define(base.forLoss(loss.id(), settingsOf(config, PluginKind.LOSS, loss.id())));
            terms.add(e.getValue() == 1 ? term : term.mul(e.getValue()));
            used.put(e.getKey(), e.getValue());
        }
        if (terms.isEmpty()) {
            throw new InvalidInputException("dip.tasks." + settings.task() + ".losses gives no loss a non-zero weight");
        }
        SDVariable total = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            total = total.add(terms.get(i));
        }
        sd.setLossVariables(total);
        return new DipGraph(sd, output.name(), prediction.name(), total, used);
    }

    /** The settings subtree {@code dip.<kind>.<id>}, or an empty config when the plugin has none. */
    public static Config settingsOf(Config config, PluginKind kind, String id) {
        String path = kind.settingsPath(id);
        return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
    }

    /** Loss id → weight from a task's {@code losses} block. */
    public static Map<String, Double> lossWeights(Config taskSettings, String taskId) {
        if (!taskSettings.hasPath("losses")) {
            throw new InvalidInputException("dip.tasks." + taskId + ".losses is missing: name at least one loss");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : taskSettings.getConfig("losses").root().entrySet()) {
            Object v = e.getValue().unwrapped();
            if (!(v instanceof Number n)) {
                throw new InvalidInputException("dip.tasks." + taskId + ".losses." + e.getKey()
                        + " must be a number (the term's weight), got " + e.getValue().render());
            }
            out.put(e.getKey(), n.doubleValue());
        }
        return out;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** Whether the graph was built for the plan executor (and only it can run the graph). */
    public boolean isPlanGraph() {
        return PlanGraphs.isPlanGraph(sd);
    }

    /**
     * Sets Adam as SameDiff's training configuration and builds the gradient function, once.
     * (M2.1 prints a line per op to System.out while it does; {@link Nd4jAdapter} filters them.)
     */
    public synchronized void prepareTraining(RunSettings settings) {
        if (sd.getFunction("grad") != null) {
            return;
        }
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(settings.learningRate(), settings.beta1(), settings.beta2(), settings.epsilon()))
                .dataSetFeatureMapping(INPUT, PROGRESS)
                .markLabelsUnused()
                .minimize(loss.name())
                .build());
        Nd4jAdapter.createGradFunction(sd);
    }

    /** The output and prediction for {@code input} at progress {@code progress} (copies). */
    public synchronized Map<String, INDArray> forward(INDArray input, double progress) {
        INDArray t = Nd4j.scalar(sd.getVariable(PROGRESS).dataType(), progress);
        if (!isPlanGraph()) {
            // One forward: nothing to keep for later steps, so the session caches no arrays.
            return Nd4jAdapter.output(sd, false, Map.of(INPUT, input, PROGRESS, t), output, prediction);
        }
        try (StepPlan forwardPlan = new PlanCompiler(sd, Map.of(INPUT, input.dup(), PROGRESS, t),
                new java.util.LinkedHashSet<>(List.of(output, prediction))).compile()) {
            forwardPlan.run();
            Map<String, INDArray> out = new LinkedHashMap<>();
            out.put(output, forwardPlan.output(output).dup());
            out.put(prediction, forwardPlan.output(prediction).dup()); // one variable for identity forward models
            return out;
        }
    }

    public String outputName() {
        return output;
    }

    public String predictionName() {
        return prediction;
    }

    public SDVariable loss() {
        return loss;
    }

    /** The loss terms in use and their weights. */
    public Map<String, Double> lossWeights() {
        return lossWeights;
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** The trainable parameter arrays, by name. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                out.put(v.name(), v.getArr());
            }
        }
        return out;
    }
}
