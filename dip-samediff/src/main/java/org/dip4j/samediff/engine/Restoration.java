package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.samediff.plan.UnsupportedOpException;
import org.dip4j.spi.Architecture;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Deep Image Prior restoration: prepares the task's problem, builds the graph, optimises,
 * and returns the result. Construct with {@link #prepare}; a CLI, a test or an embedding
 * application drives it the same way.
 */
public final class Restoration {
    private final RunSettings settings;
    private final Problem problem;
    private final DipGraph graph;
    private final MetricSuite metrics;
    private final NetworkInput input;
    private final Path baseDirectory;
    private @Nullable OpProfile profile;

    private final StepRunner runner;

    private Restoration(RunSettings settings, Problem problem, DipGraph graph, MetricSuite metrics, NetworkInput input,
            Path baseDirectory, StepRunner runner) {
        this.baseDirectory = baseDirectory;
        this.runner = runner;
        this.settings = settings;
        this.problem = problem;
        this.graph = graph;
        this.metrics = metrics;
        this.input = input;
    }

    /**
     * Reads the run settings, prepares the task's problem and builds the graph.
     *
     * @param config the effective configuration (see {@link org.dip4j.api.Configs#resolve})
     * @param registry the plugins
     * @param baseDirectory where relative input paths are resolved
     */
    public static Restoration prepare(Config config, PluginRegistry registry, Path baseDirectory) {
        return prepare(config, registry, baseDirectory, Map.of());
    }

    /** As {@link #prepare(Config, PluginRegistry, Path)}, with in-memory inputs ({@code memory:<name>} settings). */
    public static Restoration prepare(Config config, PluginRegistry registry, Path baseDirectory,
            Map<String, Image> images) {
        RunSettings s = RunSettings.from(config);
        Device.select(s.device());
        Task task = registry.get(Task.class, s.task());
        Config taskSettings = DipGraph.settingsOf(config, PluginKind.TASK, task.id());
        Problem problem = task.prepare(new TaskContext(taskSettings, s.seed(), baseDirectory, images));
        int minimum = registry.get(Architecture.class, s.architecture())
                .minimumSize(DipGraph.settingsOf(config, PluginKind.ARCHITECTURE, s.architecture()));
        if (problem.outputHeight() < minimum || problem.outputWidth() < minimum) {
            throw new InvalidInputException(("the output is %d×%d; the %s network as configured needs at least %d×%d"
                    + " pixels (use a larger image or crop, or fewer levels)").formatted(problem.outputHeight(),
                    problem.outputWidth(), s.architecture(), minimum, minimum));
        }
        List<String> metricIds = taskSettings.hasPath("metrics") ? taskSettings.getStringList("metrics") : List.of();
        MetricSuite metrics = new MetricSuite(metricIds, problem, config, registry);
        Map<String, Double> weights = DipGraph.lossWeights(taskSettings, task.id());
        DipGraph graph = buildGraph(problem, s, config, registry, weights, s.usesPlanGraph());
        graph.prepareTraining(s);
        StepRunner runner;
        if (s.executor() == RunSettings.Executor.PLAN) {
            try {
                runner = new PlanRunner(graph, s.usesPlanGraph());
            } catch (UnsupportedOpException | IllegalStateException | IllegalArgumentException e) {
                LOG.warn("{}; this run uses SameDiff's executor (dip.run.executor = samediff)", e.getMessage());
                graph = buildGraph(problem, s, config, registry, weights, false);
                graph.prepareTraining(s);
                runner = new FitRunner(s.stepsPerFit());
            }
        } else {
            runner = new FitRunner(s.stepsPerFit());
        }
        NetworkInput input = NetworkInput.create(s, problem.outputHeight(), problem.outputWidth());
        return new Restoration(s, problem, graph, metrics, input, baseDirectory, runner);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Restoration.class);

    private static DipGraph buildGraph(Problem problem, RunSettings s, Config config, PluginRegistry registry,
            Map<String, Double> weights, boolean planGraph) {
        try {
            return DipGraph.build(problem, s, config, registry, weights, DataType.FLOAT, planGraph);
        } catch (IllegalArgumentException e) {
            // Typically a map shrunk below the padding at the deepest scale.
            throw new InvalidInputException("the %s network cannot be built for a %d×%d output: %s; use a larger image or crop, or fewer scales"
                    .formatted(s.architecture(), problem.outputHeight(), problem.outputWidth(), e.getMessage()));
        }
    }

    public RunSettings settings() {
        return settings;
    }

    public Problem problem() {
        return problem;
    }

    public long parameterCount() {
        return graph.parameterCount();
    }

    /** The executor that runs the training steps: "plan" or "samediff" (after a fallback, the latter). */
    public String executor() {
        return runner instanceof PlanRunner ? "plan" : "samediff";
    }

    /** Adds a SameDiff listener to the training step (custom instrumentation; the samediff executor only). */
    public void addListener(org.nd4j.autodiff.listeners.Listener listener) {
        graph.sameDiff().addListeners(listener);
    }

    /** Times every op of the training steps into {@code profile}, whichever executor runs them. */
    public void profile(OpProfile profile) {
        graph.sameDiff().addListeners(profile);
        this.profile = profile;
    }

    /** Runs the optimisation until its last iteration or until {@code stop} becomes true. */
    public RunResult run(RunObserver observer, AtomicBoolean stop) {
        return run(observer, stop, null, null);
    }

    /**
     * Runs the optimisation, checkpointing into {@code runFolder} (when not null) every
     * {@code dip.run.checkpoint-every} iterations and at the end, and continuing from
     * {@code resume} when given.
     */
    public RunResult run(RunObserver observer, AtomicBoolean stop, @Nullable Path runFolder,
            @Nullable Checkpoint resume) {
        INDArray observation = Images.toArray(problem.observation(), DataType.FLOAT);
        observer.started(new RunInfo(settings, problem, graph.parameterCount(), graph.lossWeights(), metrics.ids(),
                backend(), baseDirectory));
        TrainingLoop loop = new TrainingLoop(graph, input, settings, metrics, observation,
                new long[] {1, problem.outputChannels(), problem.outputHeight(), problem.outputWidth()}, observer, stop,
                runner, profile);
        if (runFolder != null) {
            loop.checkpointTo(runFolder.resolve(Checkpoint.FILE), settings.checkpointEvery());
        }
        if (resume != null) {
            loop.resumeFrom(resume);
        }
        int done = loop.run();
        double seconds = loop.seconds();

        // The final image: the network on the unperturbed input.
        Map<String, INDArray> out = graph.forward(input.clean(), 1.0);
        Image output = Images.fromArray(java.util.Objects.requireNonNull(out.get(graph.outputName())));
        Image prediction = Images.fromArray(java.util.Objects.requireNonNull(out.get(graph.predictionName())));
        INDArray average = loop.average();
        Image smoothed = average == null ? output : Images.fromArray(average);
        Map<String, Double> finalMetrics = metrics.evaluate(output, smoothed, prediction);
        RunResult.EarlyStop early = null;
        EarlyStopping es = loop.earlyStopping();
        if (es != null && es.bestOutput() != null) {
            Image chosen = Images.fromArray(es.bestOutput());
            // The metrics of the chosen output, with its own prediction (the forward model applied to it).
            early = new RunResult.EarlyStop(es.bestIteration(), es.decided(), es.decidedAt(), loop.stoppedEarly(), chosen,
                    metrics.evaluate(chosen, smoothed, predictionOf(chosen)));
        }
        RunResult result = new RunResult(settings.task(), done, seconds,
                done < settings.iterations() && !loop.stoppedEarly(), loop.restores(), finalMetrics, output, smoothed,
                early);
        observer.finished(result);
        return result;
    }

    /** The forward model applied to {@code output}, in a small graph of its own. */
    private Image predictionOf(Image output) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.constant("output", Images.toArray(output, DataType.FLOAT));
        return Images.fromArray(problem.forwardModel().degrade(sd, x).eval());
    }

    /** The ND4J backend and device in use, e.g. "CpuBackend (CPU), CPU, 2 threads". */
    public static String backend() {
        String name = Nd4j.getBackend().getClass().getSimpleName();
        Object env = Nd4j.getExecutioner().getEnvironmentInformation().get("backend");
        return (env == null ? name : name + " (" + env + ")") + ", " + Device.describe();
    }
}
