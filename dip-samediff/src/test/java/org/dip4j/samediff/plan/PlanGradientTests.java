package org.dip4j.samediff.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.samediff.check.GradientCheck;
import org.dip4j.samediff.graph.PlanGraphs;
import org.dip4j.samediff.skip.SkipArchitecture;
import org.dip4j.spi.NetworkGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plan executor's gradients against SameDiff's own ({@code calculateGradients}) for the same
 * network and parameters: the plan of SameDiff's graph, and the plan of the graph built for the
 * plan (fused and Java ops), whose twin for SameDiff has the same parameters.
 */
class PlanGradientTests {
    private static final Config REFERENCE = ConfigFactory.defaultReference().getConfig("dip.architectures.skip");
    private static final String SMALL = "channels-down = [3, 4, 4], channels-up = [3, 4, 4], channels-skip = [2, 1, 1]";

    @Test
    void thePlanOfSameDiffsGraphComputesSameDiffsGradientsInDouble() {
        Config c = ConfigFactory.parseString(SMALL + ", upsample = [nearest, bilinear, bilinear]").withFallback(REFERENCE);
        assertThat(compare(c, 2, 16, DataType.DOUBLE, false)).isLessThan(1e-9);
    }

    @Test
    void thePlanGraphHasSameDiffsGradientsInDoubleForEveryBlockVariant() {
        for (String variant : List.of(
                "upsample = [nearest, bilinear, bilinear], padding = reflection, downsample = stride",
                "upsample = bilinear, padding = zero, downsample = avg, need-1x1-up = false",
                "upsample = nearest, padding = reflection, filter-size-down = 5, leaky-relu-slope = 0.1")) {
            Config c = ConfigFactory.parseString(SMALL + ", " + variant).withFallback(REFERENCE);
            // The fused BatchNorm sums in another order than ND4J's: about 3e-6 on the γ of a
            // two-channel skip whose gradient is itself nearly cancelled (1e-6 of the largest).
            assertThat(compare(c, 2, 32, DataType.DOUBLE, true)).as(variant).isLessThan(1e-5);
        }
    }

    @Test
    void inFloatThePlanGraphIsAsCloseToTheDoubleGradientsAsSameDiffIsForTheF16Network() {
        // Float rounding through 30 BatchNorms (each gradient a difference of nearly equal sums)
        // reaches the first layers at a few 1e-3 of their largest gradient in either executor; the
        // plan must be no further from the double-precision gradients than SameDiff's own.
        Map<String, INDArray> exact = gradients(build(REFERENCE, 32, 64, DataType.DOUBLE, false), 7);
        double sameDiff = distance(exact, gradients(build(REFERENCE, 32, 64, DataType.FLOAT, false), 7));
        double plan = distance(exact, planGradients(build(REFERENCE, 32, 64, DataType.FLOAT, true), 7));
        assertThat(plan).as("plan %s, SameDiff %s", plan, sameDiff).isLessThan(Math.max(2 * sameDiff, 1e-4));
    }

    private static INDArray input(Twin t, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, 1, 32, 64, 64).muli(0.1).castTo(t.type);
    }

    private static Map<String, INDArray> gradients(Twin t, long seed) {
        Map<String, INDArray> out = new HashMap<>();
        t.sd.calculateGradients(Map.of("input", input(t, seed)), t.params)
                .forEach((k, v) -> out.put(k, v.castTo(DataType.DOUBLE)));
        return out;
    }

    private static Map<String, INDArray> planGradients(Twin t, long seed) {
        GradientCheck.quietly(() -> {
            t.sd.createGradFunction();
            return null;
        });
        List<String> grads = new ArrayList<>();
        for (String p : t.params) {
            grads.add(t.sd.getVariable(p).getGradient().name());
        }
        Map<String, INDArray> out = new HashMap<>();
        try (StepPlan plan = new PlanCompiler(t.sd.getFunction("grad"), Map.of("input", input(t, seed)), grads).compile()) {
            plan.run();
            for (int i = 0; i < grads.size(); i++) {
                out.put(t.params.get(i), plan.output(grads.get(i)).castTo(DataType.DOUBLE));
            }
        }
        return out;
    }

    /** Max over parameters of max |a − b| on the scale of the parameter's (or, at least, 1e-3 of the network's) largest gradient. */
    private static double distance(Map<String, INDArray> exact, Map<String, INDArray> other) {
        double floor = 0;
        for (INDArray e : exact.values()) {
            floor = Math.max(floor, 1e-3 * e.amaxNumber().doubleValue());
        }
        double worst = 0;
        for (Map.Entry<String, INDArray> e : exact.entrySet()) {
            double scale = Math.max(floor, e.getValue().amaxNumber().doubleValue());
            worst = Math.max(worst, e.getValue().sub(other.get(e.getKey())).amaxNumber().doubleValue() / scale);
        }
        return worst;
    }

    @Test
    void thePlanGraphsGradientMatchesFiniteDifferencesInDouble() {
        Config c = ConfigFactory.parseString(SMALL + ", upsample = [nearest, bilinear, bilinear]").withFallback(REFERENCE);
        Twin plan = build(c, 2, 16, DataType.DOUBLE, true);
        INDArray x = Nd4j.rand(plan.type, 1, 2, 16, 16).muli(0.1);
        PlanGradientCheck.Result r = new PlanGradientCheck(plan.sd, plan.loss.name(), "input", x, 3).run();
        assertThat(r.checked()).isGreaterThan(plan.params.size());
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-4);
    }

    record Twin(SameDiff sd, SDVariable out, SDVariable loss, List<String> params, DataType type) {}

    static Twin build(Config arch, int inChannels, int size, DataType type, boolean planGraph) {
        SameDiff sd = SameDiff.create();
        if (planGraph) {
            PlanGraphs.enable(sd);
        }
        SplittableRandom random = new SplittableRandom(3);
        SDVariable z = sd.placeHolder("input", type, 1, inChannels, size, size);
        SDVariable out = new SkipArchitecture().define(new NetworkGraph(sd, z, inChannels, 3, arch, random, type));
        INDArray t = Nd4j.create(type, 1, 3, size, size);
        for (long i = 0; i < t.length(); i++) {
            t.putScalar(i, random.nextDouble());
        }
        SDVariable loss = sd.mean("loss", sd.math().square(out.sub(sd.constant(t))));
        sd.setLossVariables(loss);
        List<String> params = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.add(v.name());
            }
        }
        return new Twin(sd, out, loss, params, type);
    }

    /** Max relative difference between the plan's gradients and SameDiff's for the same network, over two steps. */
    static double compare(Config arch, int inChannels, int size, DataType type, boolean planGraph) {
        Twin reference = build(arch, inChannels, size, type, false);
        Twin planned = planGraph ? build(arch, inChannels, size, type, true) : reference;
        assertThat(planned.params).isEqualTo(reference.params);
        GradientCheck.quietly(() -> {
            planned.sd.createGradFunction();
            reference.sd.createGradFunction();
            return null;
        });
        Map<String, String> gradName = new HashMap<>();
        for (String p : planned.params) {
            assertThat(planned.sd.getVariable(p).getArr()).isEqualTo(reference.sd.getVariable(p).getArr());
            gradName.put(p, planned.sd.getVariable(p).getGradient().name());
        }
        // SameDiff's gradients first (copied), then the plan's: the two executors never interleave.
        List<INDArray> inputs = new ArrayList<>();
        List<Map<String, INDArray>> expectedPerStep = new ArrayList<>();
        for (int step = 0; step < 2; step++) {
            INDArray x = Nd4j.rand(type, 1, inChannels, size, size).muli(0.1);
            Map<String, INDArray> copy = new HashMap<>();
            reference.sd.calculateGradients(Map.of("input", x), reference.params).forEach((k, v) -> copy.put(k, v.dup()));
            inputs.add(x);
            expectedPerStep.add(copy);
        }
        INDArray feed = Nd4j.create(type, 1, inChannels, size, size);
        List<String> outputs = new ArrayList<>(gradName.values());
        outputs.add(planned.out.name());
        StepPlan plan = new PlanCompiler(planned.sd.getFunction("grad"), Map.of("input", feed), outputs).compile();
        double worst = 0;
        for (int step = 0; step < 2; step++) {
            Map<String, INDArray> expected = expectedPerStep.get(step);
            feed.assign(inputs.get(step));
            plan.run();
            // Gradients that are zero in exact arithmetic (conv biases before a BatchNorm) or nearly so
            // (γ of a BatchNorm over one or four pixels) are rounding noise: compare them on the
            // scale of the largest gradient of the network instead of their own.
            double floor = 0;
            for (String p : reference.params) {
                floor = Math.max(floor, (type == DataType.DOUBLE ? 1e-4 : 1e-3) * expected.get(p).amaxNumber().doubleValue());
            }
            for (String p : reference.params) {
                INDArray e = expected.get(p);
                INDArray a = plan.output(gradName.get(p)).dup();
                double scale = Math.max(floor, e.amaxNumber().doubleValue());
                worst = Math.max(worst, e.sub(a).amaxNumber().doubleValue() / scale);
            }
        }
        plan.close();
        return worst;
    }
}
