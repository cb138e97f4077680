package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.dip4j.api.PluginKind;
import org.dip4j.samediff.check.GradientCheck;
import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.dip4j.samediff.plan.PlanCompiler;
import org.dip4j.samediff.plan.StepPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract of a {@link Loss} plugin. Extend it in your plugin's tests and return the loss
 * from {@link #loss()}:
 *
 * <pre>{@code
 * class TvLossContractTests extends LossContractTests {
 *     protected Loss loss() { return new TvLoss(); }
 *     protected boolean isDataTerm() { return false; }  // a regulariser ignores the observation
 * }
 * }</pre>
 *
 * <p>It checks a well-formed id, registration in {@code META-INF/services/org.dip4j.spi.Loss},
 * defaults in {@code reference.conf} under {@code dip.losses.<id>}, a finite scalar value (not
 * negative unless {@link #isNonNegative()} says otherwise), zero when the prediction equals the
 * observation for a data term, and an analytic gradient with respect to the network output that
 * matches central finite differences in double precision on a small random input. SameDiff
 * 1.0.0-M2.1 has ops whose gradients are silently wrong; this last check is the one that matters.
 *
 * <p>A loss that reads a mask, auxiliary images or other inputs adds them in {@link #addInputs}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public abstract class LossContractTests {
    @BeforeAll
    static void nativeBackend() {
        PluginContract.assertBackendPresent();
    }

    /** A freshly constructed instance of the loss under test. */
    protected abstract Loss loss();

    /** The settings the checks use; by default the loss's {@code reference.conf} subtree. */
    protected Config settings() {
        return PluginContract.referenceSettings(loss(), PluginKind.LOSS);
    }

    /**
     * Whether the loss compares the prediction with the observation, and so must be zero when
     * they are equal. False for regularisers and for terms that read other images.
     */
    protected boolean isDataTerm() {
        return true;
    }

    /** Whether the loss is never negative. */
    protected boolean isNonNegative() {
        return true;
    }

    /** Image channels of the test input. */
    protected int channels() {
        return 3;
    }

    /** Height of the test input; small, since the gradient check evaluates the graph many times. */
    protected int height() {
        return 8;
    }

    /** Width of the test input. */
    protected int width() {
        return 8;
    }

    /** Largest relative error of the gradient check. */
    protected double gradientTolerance() {
        return 1e-5;
    }

    /** How many output elements the gradient check perturbs (two graph evaluations each). */
    protected int gradientSamples() {
        return 40;
    }

    /** Seed of the random inputs. */
    protected long seed() {
        return 20260101L;
    }

    /** Adds what the loss reads besides output, observation and progress (a mask, auxiliaries). */
    protected void addInputs(LossFixture fixture) {}

    @Test
    public void idIsWellFormed() {
        PluginContract.assertIdWellFormed(loss());
    }

    @Test
    public void isRegisteredAsAService() {
        PluginContract.assertRegistered(loss(), Loss.class);
    }

    @Test
    public void settingsAreValidAgainstTheReferenceConf() {
        Config reference = PluginContract.referenceSettings(loss(), PluginKind.LOSS);
        PluginContract.assertSettingsValid(settings(), reference);
    }

    @Test
    public void valueIsAFiniteScalar() {
        Built b = build(false);
        INDArray value = b.evaluate();
        assertThat(value.length()).as("elements of the loss value").isEqualTo(1);
        double v = value.getDouble(0);
        assertThat(v).as("loss value").isFinite();
        if (isNonNegative()) {
            assertThat(v).as("loss value").isGreaterThanOrEqualTo(0.0);
        }
    }

    @Test
    public void isZeroWhenThePredictionEqualsTheObservation() {
        assumeTrue(isDataTerm(), "not a data term");
        assertThat(build(true).evaluate().getDouble(0)).as("loss of a perfect prediction").isCloseTo(0.0,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    public void gradientMatchesFiniteDifferences() {
        Built b = build(false);
        GradientCheck.Result r = GradientCheck.defaults().withSamplesPerVariable(gradientSamples()).check(b.sameDiff, b.loss, b.placeholders,
                List.of(b.output.name()));
        assertThat(r.nonZeroCount()).as("non-zero gradient elements (a check on zeros proves nothing): %s", r)
                .isPositive();
        assertThat(r.maxRelativeError()).as("%s", r).isLessThan(gradientTolerance());
    }

    /**
     * dip4j's default {@code plan} executor runs the loss's gradient graph op by op on bound
     * arrays; it must compute exactly what SameDiff's own executor computes (in double, to 1e-6
     * of the largest gradient element).
     */
    @Test
    public void thePlanExecutorComputesSameDiffsGradient() {
        Built b = build(false);
        INDArray expected = java.util.Objects.requireNonNull(
                b.sameDiff.calculateGradients(b.placeholders, b.output.name()).get(b.output.name()), "SameDiff's gradient");
        SDVariable gradient = java.util.Objects.requireNonNull(b.output.getGradient(), "gradient of the output");
        try (StepPlan plan = new PlanCompiler(b.sameDiff.getFunction("grad"), b.placeholders, List.of(gradient.name()))
                .compile()) {
            plan.run();
            INDArray actual = plan.output(gradient.name());
            double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-12);
            assertThat(expected.amaxNumber().doubleValue()).as("largest gradient element").isPositive();
            assertThat(actual.sub(expected).amaxNumber().doubleValue() / scale)
                    .as("plan against SameDiff, relative to the largest element").isLessThan(1e-6);
        }
    }

    private Built build(boolean identical) {
        SplittableRandom random = new SplittableRandom(seed());
        SameDiff sd = SameDiff.create();
        LossGraph.Builder builder = LossGraph.builder(sd);
        LossFixture fixture = new LossFixture(sd, builder, random, channels(), height(), width());
        INDArray observation = fixture.uniform(channels(), 0.05, 0.95);
        INDArray output = identical ? observation.dup() : fixture.uniform(channels(), 0.05, 0.95);
        SDVariable out = sd.var("dip/output", output);
        builder.output(out).observation(sd.constant("dip/observation", observation));
        addInputs(fixture);
        Loss loss = loss();
        LossGraph graph = builder.build().forLoss(loss.id(), settings());
        SDVariable value = loss.define(graph);
        sd.setLossVariables(value.name());
        return new Built(sd, out, value, fixture.placeholders());
    }

    private record Built(SameDiff sameDiff, SDVariable output, SDVariable loss, Map<String, INDArray> placeholders) {
        INDArray evaluate() {
            return java.util.Objects.requireNonNull(
                    sameDiff.output(new java.util.LinkedHashMap<>(placeholders), loss.name()).get(loss.name()));
        }
    }
}
