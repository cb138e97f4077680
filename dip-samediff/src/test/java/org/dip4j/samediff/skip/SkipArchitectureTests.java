package org.dip4j.samediff.skip;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.samediff.check.GradientCheck;
import org.dip4j.spi.NetworkGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SkipArchitectureTests {
    private static final Config REFERENCE = ConfigFactory.defaultReference().getConfig("dip.architectures.skip");

    private static SkipSettings settings(String overrides) {
        return SkipSettings.from(ConfigFactory.parseString(overrides).withFallback(REFERENCE));
    }

    @Test
    void parameterCountsEqualTheReferenceImplementations() {
        // Counts printed by the reference implementation (deep-image-prior at 042e0d4, printed by its notebooks).
        assertThat(SkipArchitecture.countParameters(settings(""), 32, 3)).isEqualTo(2_217_831);
        assertThat(SkipArchitecture.countParameters(settings("channels-skip = [128,128,128,128,128]"), 32, 3))
                .isEqualTo(3_002_627);
        assertThat(SkipArchitecture.countParameters(settings("channels-skip = [0,0,0,0,0]"), 2, 3))
                .isEqualTo(2_157_955);
        assertThat(SkipArchitecture.countParameters(settings("""
                channels-down = [16,32,64,128,128,128], channels-up = [16,32,64,128,128,128],
                channels-skip = [0,0,0,0,0,0], filter-size-down = 5, need-1x1-up = false"""), 1, 3))
                .isEqualTo(2_996_467);
    }

    @Test
    void countedMultiplyAddsGiveTheTrainingStepCostMeasuredForTheSameNetwork() {
        // The project's SameDiff notes (not in this repository) list 29, 116 and 465 GFLOP per training step (about three forward passes of
        // two FLOP per multiply-add) for this network at 128², 256² and 512².
        SkipSettings f16 = settings("");
        double[] expected = {29, 116, 465};
        int[] sizes = {128, 256, 512};
        for (int i = 0; i < sizes.length; i++) {
            double gflop = 6.0 * SkipArchitecture.countForwardMacs(f16, 32, 3, sizes[i], sizes[i]) / 1e9;
            assertThat(gflop).as("size %d", sizes[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(0.5));
        }
    }

    @Test
    void theBuiltF16NetworkHasTheCountedParametersAndTheImageShape() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder("input", DataType.FLOAT, 1, 32, 64, 64);
        NetworkGraph g = new NetworkGraph(sd, z, 32, 3, REFERENCE, new SplittableRandom(0), DataType.FLOAT);
        SDVariable out = new SkipArchitecture().define(g);
        long params = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params += v.getArr().length();
            }
        }
        assertThat(params).isEqualTo(2_217_831);
        INDArray result = sd.output(Map.of("input", Nd4j.rand(DataType.FLOAT, 1, 32, 64, 64).muli(0.1)), out.name())
                .get(out.name());
        assertThat(result.shape()).containsExactly(1, 3, 64, 64);
        assertThat(result.minNumber().doubleValue()).isGreaterThan(0);
        assertThat(result.maxNumber().doubleValue()).isLessThan(1);
    }

    @Test
    void aSmallAssembledNetworkHasTheRightGradientForEveryParameterKind() {
        // Two scales, skips, bilinear and nearest, 1×1 up, both paddings covered across the two builds.
        // The other block variants (zero padding, nearest, average pooling) are checked one by one
        // in LayersGradientTests; one assembled variant keeps this test short.
        for (String variant : List.of("padding = reflection, upsample = [nearest, bilinear], downsample = stride")) {
            SkipSettings s = settings("channels-down = [3, 4], channels-up = [3, 4], channels-skip = [2, 1], "
                    + variant);
            Config c = ConfigFactory.parseString("channels-down = [3, 4], channels-up = [3, 4], channels-skip = [2, 1], "
                    + variant).withFallback(REFERENCE);
            assertThat(s.depth()).isEqualTo(2);
            SameDiff sd = SameDiff.create();
            SplittableRandom random = new SplittableRandom(11);
            SDVariable z = sd.var("z", randomArray(random, 1, 2, 8, 8));
            NetworkGraph g = new NetworkGraph(sd, z, 2, 3, c, random, DataType.DOUBLE);
            SDVariable out = new SkipArchitecture().define(g);
            SDVariable target = sd.constant(randomArray(random, 1, 3, 8, 8));
            SDVariable loss = sd.mean(sd.math().square(out.sub(target)));
            List<String> vars = new ArrayList<>();
            for (SDVariable v : sd.variables()) {
                if (v.getVariableType() == VariableType.VARIABLE) {
                    vars.add(v.name());
                }
            }
            GradientCheck.Result r = GradientCheck.defaults().checkDirections(sd, loss, Map.of(), vars);
            // Conv biases feeding a BatchNorm have an exactly zero gradient; the rest must not.
            assertThat(r.nonZeroCount()).isGreaterThan(vars.size() / 2);
            assertThat(r.maxRelativeError()).as(variant + ": " + r).isLessThan(1e-4);
        }
    }

    private static INDArray randomArray(SplittableRandom random, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextDouble());
        }
        return a;
    }
}
