package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.samediff.check.GradientCheck;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Finite-difference checks of every building block, w.r.t. its input and its parameters. */
class LayersGradientTests {
    private static final double TOLERANCE = 1e-5;

    /** Builds block(x) for a random x, takes sum(block(x) ⊙ R) for a fixed random R, checks it. */
    private static GradientCheck.Result check(int c, int h, int w, java.util.function.BiFunction<Layers, FeatureMap, FeatureMap> block) {
        SameDiff sd = SameDiff.create();
        SplittableRandom random = new SplittableRandom(7);
        Layers layers = new Layers(sd, DataType.DOUBLE, random);
        SDVariable x = sd.var("x", randomArray(random, 1, c, h, w));
        FeatureMap y = block.apply(layers, new FeatureMap(x, c, h, w));
        long[] shape = {1, y.channels(), y.height(), y.width()};
        SDVariable weights = sd.constant(randomArray(random, shape));
        SDVariable loss = sd.sum(y.variable().mul(weights));
        List<String> vars = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                vars.add(v.name());
            }
        }
        GradientCheck.Result r = GradientCheck.defaults().check(sd, loss, Map.of(), vars);
        assertThat(r.nonZeroCount()).as("the check must see non-zero gradients").isGreaterThan(0);
        return r;
    }

    static INDArray randomArray(SplittableRandom random, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, random.nextDouble() * 2 - 1);
        }
        return a;
    }

    @Test
    void reflectionPaddingHasTheRightGradient() {
        // The border pixels feed several padded positions: SameDiff's own REFLECT pad drops those.
        var r = check(2, 5, 6, (l, x) -> l.reflectionPad(x, 2));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void reflectionPaddingFoldsTheMirroredBordersOfWideAndTinyMaps() {
        // 2 rows: each is the other's mirror image; 9 columns: mirrored borders around a plain middle.
        var wide = check(2, 2, 9, (l, x) -> l.reflectionPad(x, 1));
        assertThat(wide.maxRelativeError()).as(wide.toString()).isLessThan(TOLERANCE);
        // 3×3 padded by 2: every source pixel has mirror copies on both sides.
        var tiny = check(1, 3, 3, (l, x) -> l.reflectionPad(x, 2));
        assertThat(tiny.maxRelativeError()).as(tiny.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void reflectionPaddedConvolutionHasTheRightGradient() {
        var r = check(3, 8, 8, (l, x) -> l.conv("c", x, 4, 3, 1, Padding.REFLECTION, true));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void stridedConvolutionHasTheRightGradient() {
        var r = check(3, 8, 8, (l, x) -> l.conv("c", x, 4, 3, 2, Padding.REFLECTION, true));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void zeroPaddedFiveByFiveConvolutionHasTheRightGradient() {
        var r = check(2, 8, 8, (l, x) -> l.conv("c", x, 3, 5, 1, Padding.ZERO, true));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void batchNormHasTheRightGradient() {
        var r = check(3, 4, 5, (l, x) -> l.batchNorm("bn", x));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void leakyReluAndSigmoidHaveTheRightGradient() {
        var r = check(2, 4, 4, (l, x) -> l.sigmoid("s", l.leakyRelu(x, 0.2)));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void bilinearAndNearestUpsamplingHaveTheRightGradient() {
        var bilinear = check(2, 3, 4, (l, x) -> l.upsample2(x, Upsampling.BILINEAR));
        var nearest = check(2, 3, 4, (l, x) -> l.upsample2(x, Upsampling.NEAREST));
        assertThat(bilinear.maxRelativeError()).as(bilinear.toString()).isLessThan(TOLERANCE);
        assertThat(nearest.maxRelativeError()).as(nearest.toString()).isLessThan(TOLERANCE);
    }

    @Test
    void averagePoolingAndCroppedConcatHaveTheRightGradient() {
        var r = check(2, 6, 6, (l, x) -> l.concat(l.averagePool2(x), l.centreCrop(x, 2, 2)));
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(TOLERANCE);
    }
}
