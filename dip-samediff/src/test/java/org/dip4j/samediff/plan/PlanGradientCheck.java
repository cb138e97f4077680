package org.dip4j.samediff.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences against the plan executor's gradients, for graphs that only the plan
 * can run (so SameDiff's own gradient check cannot): the loss is evaluated by a forward plan of
 * the same graph, at a few sampled elements of every parameter.
 */
final class PlanGradientCheck {
    private final SameDiff sd;
    private final String loss;
    private final String input;
    private final INDArray x;
    private final int samples;

    record Result(int checked, double maxRelativeError, String worst) {}

    PlanGradientCheck(SameDiff sd, String loss, String input, INDArray x, int samplesPerParameter) {
        this.sd = sd;
        this.loss = loss;
        this.input = input;
        this.x = x;
        this.samples = samplesPerParameter;
    }

    Result run() {
        if (sd.getFunction("grad") == null) {
            org.dip4j.samediff.check.GradientCheck.quietly(() -> {
                sd.createGradFunction();
                return null;
            });
        }
        List<String> params = new ArrayList<>();
        List<String> grads = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.getGradient() != null) {
                params.add(v.name());
                grads.add(v.getGradient().name());
            }
        }
        StepPlan backward = new PlanCompiler(sd.getFunction("grad"), Map.of(input, x), grads).compile();
        StepPlan forward = new PlanCompiler(sd, Map.of(input, x), List.of(loss)).compile();
        backward.run();
        SplittableRandom random = new SplittableRandom(1);
        int checked = 0;
        double worst = 0;
        String where = "";
        double h = 1e-6;
        for (int p = 0; p < params.size(); p++) {
            INDArray param = sd.getVariable(params.get(p)).getArr();
            INDArray analytic = backward.output(grads.get(p)).dup();
            for (int s = 0; s < samples; s++) {
                long i = random.nextLong(param.length());
                double v = param.getDouble(i);
                param.putScalar(i, v + h);
                forward.run();
                double up = forward.output(loss).getDouble(0);
                param.putScalar(i, v - h);
                forward.run();
                double down = forward.output(loss).getDouble(0);
                param.putScalar(i, v);
                double numeric = (up - down) / (2 * h);
                double a = analytic.getDouble(i);
                // Below 1e-5 the differences are rounding and truncation noise (biases before a
                // BatchNorm have a zero gradient): compare those on that absolute scale.
                double err = Math.abs(a - numeric) / Math.max(1e-5, Math.abs(a) + Math.abs(numeric));
                checked++;
                if (err > worst) {
                    worst = err;
                    where = params.get(p) + "[" + i + "]: analytic " + a + ", numeric " + numeric;
                }
            }
        }
        backward.close();
        forward.close();
        return new Result(checked, worst, where);
    }
}
