package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.dip4j.samediff.plan.PlanStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The vector-API kernels of the fused BatchNorm + LeakyReLU agree with the plain-Java kernels run
 * in double (each already checked against SameDiff and finite differences by PlanGradientTests).
 */
class BatchNormLeakyReluKernelTests {

    @ParameterizedTest
    @CsvSource({"3, 5, 7, 0.2", "4, 64, 64, 0.2", "2, 130, 130, 0.1", "2, 9, 300, 1.5"})
    void vectorKernelsMatchTheDoubleKernels(int channels, int height, int width, double slope) {
        assumeThat(VectorKernels.ENABLED).as("the JVM has --add-modules jdk.incubator.vector").isTrue();
        Nd4j.getRandom().setSeed(channels * 1000L + width);
        // An offset mean (3 + noise) tests the variance for cancellation; dy is any gradient.
        INDArray x = Nd4j.randn(DataType.DOUBLE, 1, channels, height, width).addi(3);
        INDArray gamma = Nd4j.rand(DataType.DOUBLE, channels).addi(0.5);
        INDArray beta = Nd4j.randn(DataType.DOUBLE, channels);
        INDArray dy = Nd4j.randn(DataType.DOUBLE, 1, channels, height, width);

        Fused exact = run(x, gamma, beta, dy, slope, true);
        Fused vector = run(x.castTo(DataType.FLOAT), gamma.castTo(DataType.FLOAT), beta.castTo(DataType.FLOAT),
                dy.castTo(DataType.FLOAT), slope, false);

        assertThat(relative(vector.y, exact.y)).as("y").isLessThan(1e-5);
        assertThat(relative(vector.mean, exact.mean)).as("mean").isLessThan(1e-5);
        assertThat(relative(vector.invStd, exact.invStd)).as("1/σ").isLessThan(1e-5);
        assertThat(relative(vector.dx, exact.dx)).as("dx").isLessThan(1e-4);
        assertThat(relative(vector.dGamma, exact.dGamma)).as("dγ").isLessThan(1e-4);
        assertThat(relative(vector.dBeta, exact.dBeta)).as("dβ").isLessThan(1e-4);
    }

    private record Fused(INDArray y, INDArray mean, INDArray invStd, INDArray dx, INDArray dGamma, INDArray dBeta) {
    }

    private static Fused run(INDArray x, INDArray gamma, INDArray beta, INDArray dy, double slope, boolean scalar) {
        long c = x.size(1);
        Fused f = new Fused(x.ulike(), Nd4j.create(x.dataType(), c), Nd4j.create(x.dataType(), c), x.ulike(),
                gamma.ulike(), gamma.ulike());
        PlanStep forward = scalar
                ? BatchNormLeakyReluKernel.scalarForward(x, gamma, beta, f.y, f.mean, f.invStd, 1e-5, slope)
                : BatchNormLeakyReluKernel.forward(x, gamma, beta, f.y, f.mean, f.invStd, 1e-5, slope);
        forward.run();
        PlanStep backward = scalar
                ? BatchNormLeakyReluKernel.scalarBackward(x, gamma, f.y, f.mean, f.invStd, dy, f.dx, f.dGamma, f.dBeta, slope)
                : BatchNormLeakyReluKernel.backward(x, gamma, f.y, f.mean, f.invStd, dy, f.dx, f.dGamma, f.dBeta, slope);
        backward.run();
        return f;
    }

    /** max |a − b| over max |b|. */
    private static double relative(INDArray actual, INDArray expected) {
        INDArray a = actual.castTo(DataType.DOUBLE);
        return a.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
    }
}
