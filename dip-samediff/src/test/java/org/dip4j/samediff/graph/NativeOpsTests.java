package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.samediff.check.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Registering dip4j's op classes must not change the gradients of other code's ops. */
class NativeOpsTests {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void momentsOfOtherCodeKeepTheirGradient(boolean keepDims) {
        NativeOps.install();
        SplittableRandom random = new SplittableRandom(3);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", LayersGradientTests.randomArray(random, 1, 3, 4, 5));
        SDVariable[] m = sd.math().moments(x, new int[] {2, 3}, keepDims);
        long[] shape = keepDims ? new long[] {1, 3, 1, 1} : new long[] {1, 3};
        SDVariable loss = sd.sum(m[0].mul(sd.constant(LayersGradientTests.randomArray(random, shape))))
                .add(sd.sum(m[1].mul(sd.constant(LayersGradientTests.randomArray(random, shape)))));
        GradientCheck.Result r = GradientCheck.defaults().check(sd, loss, Map.of(), List.of("x"));
        assertThat(r.nonZeroCount()).as("the check must see non-zero gradients").isGreaterThan(0);
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-5);
    }
}
