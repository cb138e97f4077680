package org.dip4j.samediff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN's convolution called directly (Winograd for 3×3 at stride 1 on AVX-512, direct otherwise) computes
 * what ND4J's own conv2d and conv2d_bp compute (checked against finite differences in double in
 * LayersGradientTests), and its gradients are exact central differences of its own forward:
 * the output is linear in x and in W, so a difference with step 1 has no truncation error.
 * Geometries run in one thread in this order, so the shared working memory grows and is rebound.
 */
class OneDnnConvTests {

    @Test
    void theDirectOneDnnCallsAreAvailableOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch")));
        assertThat(OneDnn.AVAILABLE).as("oneDNN natives (dip-backend-cpu) loaded").isTrue();
    }

    @Test
    void winogradOnlyFor3x3AtStride1AndTheSettingIsChecked() {
        assumeTrue(OneDnn.AVAILABLE);
        assertThat(kernel(20, 3, 2).usesWinograd()).isFalse();
        assertThat(kernel(20, 5, 1).usesWinograd()).isFalse();
        String before = System.getProperty("dip.onednn");
        try {
            System.setProperty("dip.onednn", "false");
            assertThat(OneDnn.convolves(DataType.FLOAT)).isFalse();
            System.setProperty("dip.onednn", "true");
            assertThat(OneDnn.convolves(DataType.FLOAT)).isTrue();
            assertThat(OneDnn.convolves(DataType.DOUBLE)).isFalse(); // oneDNN has no double convolution
            System.setProperty("dip.onednn", "maybe");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OneDnn.convolves(DataType.FLOAT))
                    .hasMessageContaining("-Ddip.onednn=maybe").hasMessageContaining("auto, true or false");
            System.setProperty("dip.onednn", "auto");
            assertThat(OneDnn.convolves(DataType.FLOAT)).isEqualTo(kernel(16, 3, 1).usesWinograd());
            assertThat(Layers.convolutionPath(true)).isEqualTo(kernel(16, 3, 1).usesWinograd()
                    ? "oneDNN 2.5, Winograd for 3x3 at stride 1" : "ND4J conv2d");
            assertThat(Layers.convolutionPath(false)).isEqualTo("ND4J conv2d");
        } finally {
            if (before == null) {
                System.clearProperty("dip.onednn");
            } else {
                System.setProperty("dip.onednn", before);
            }
        }
    }

    private static OneDnnConvKernel kernel(int channels, int k, int stride) {
        return new OneDnnConvKernel(new OneDnnConvKernel.Geometry(1, channels, 12, 12, channels, k, k, stride, 0), true);
    }

    @ParameterizedTest
    @CsvSource({
        "3, 16, 8, 8, 3, 1, 1, true",
        "20, 24, 11, 13, 3, 1, 0, true",
        "20, 24, 11, 13, 3, 2, 0, true",
        "6, 5, 9, 10, 5, 1, 2, false",
        "33, 17, 6, 7, 3, 1, 0, false",
    })
    void matchesNd4jsConvolutionForwardAndBackward(int c, int o, int h, int w, int k, int stride, int pad, boolean bias) {
        assumeTrue(OneDnn.AVAILABLE);
        Case t = new Case(c, o, h, w, k, stride, pad, bias);
        t.runOneDnn();
        INDArray[] expected = t.runNd4j();
        assertThat(relative(t.y, expected[0])).as("y").isLessThan(1e-5);
        assertThat(relative(t.dx, expected[1])).as("dx").isLessThan(1e-5);
        assertThat(relative(t.dw, expected[2])).as("dW").isLessThan(1e-5);
        if (bias) {
            assertThat(relative(t.db, expected[3])).as("db").isLessThan(1e-5);
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 24, 11, 13, 3, 1, 0", "20, 24, 11, 13, 3, 2, 0", "6, 5, 9, 10, 5, 1, 2"})
    void gradientsAreCentralDifferencesOfTheForward(int c, int o, int h, int w, int k, int stride, int pad) {
        assumeTrue(OneDnn.AVAILABLE);
        Case t = new Case(c, o, h, w, k, stride, pad, true);
        t.runOneDnn(); // L = Σ r·y with r = dy; dL/dx = dx, dL/dW = dW, dL/db = db
        Random random = new Random(c * 1000L + k);
        for (int probe = 0; probe < 12; probe++) {
            assertDifference(t, t.x, t.dx, random.nextInt((int) t.x.length()), "x");
            assertDifference(t, t.w, t.dw, random.nextInt((int) t.w.length()), "W");
            assertDifference(t, t.b, t.db, random.nextInt((int) t.b.length()), "b");
        }
    }

    private static void assertDifference(Case t, INDArray input, INDArray gradient, int i, String name) {
        double v = input.getDouble(i);
        input.putScalar(i, v + 1);
        double up = t.loss();
        input.putScalar(i, v - 1);
        double down = t.loss();
        input.putScalar(i, v);
        double scale = gradient.amaxNumber().doubleValue();
        assertThat(Math.abs((up - down) / 2 - gradient.getDouble(i))).as("%s[%d]", name, i).isLessThan(1e-4 * scale);
    }

    private static double relative(INDArray actual, INDArray expected) {
        return actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue()
                / expected.amaxNumber().doubleValue();
    }

    /** Random operands of one convolution and the outputs of both implementations. */
    private static final class Case {
        final int kernel;
        final int stride;
        final int pad;
        final INDArray x;
        final INDArray w;
        final INDArray b;
        final INDArray dy;
        final INDArray y;
        final INDArray dx;
        final INDArray dw;
        final INDArray db;
        private final boolean bias;
        private Runnable forward = () -> { };

        Case(int c, int o, int h, int wd, int k, int stride, int pad, boolean bias) {
            this.kernel = k;
            this.stride = stride;
            this.pad = pad;
            this.bias = bias;
            Nd4j.getRandom().setSeed(c * 31L + o * 7L + h + k);
            x = Nd4j.rand(DataType.FLOAT, 1, c, h, wd).subi(0.5);
            w = Nd4j.rand(DataType.FLOAT, k, k, c, o).subi(0.5);
            b = Nd4j.rand(DataType.FLOAT, o).subi(0.5);
            long oh = (h + 2L * pad - k) / stride + 1;
            long ow = (wd + 2L * pad - k) / stride + 1;
            dy = Nd4j.rand(DataType.FLOAT, 1, o, oh, ow).subi(0.5);
            y = Nd4j.create(DataType.FLOAT, 1, o, oh, ow);
            dx = Nd4j.create(DataType.FLOAT, x.shape());
            dw = Nd4j.create(DataType.FLOAT, w.shape());
            db = Nd4j.create(DataType.FLOAT, o);
        }

        void runOneDnn() {
            OneDnnConvKernel kernel = new OneDnnConvKernel(OneDnnConvKernel.Geometry.of(x, w, stride, pad), bias);
            forward = kernel.forward(x, w, bias ? b : null, y);
            forward.run();
            kernel.backward(x, w, dy, dx, dw, bias ? db : null).run();
        }

        /** Σ dy·y of the forward on the current x, W, b, summed in double. */
        double loss() {
            forward.run();
            return y.castTo(DataType.DOUBLE).mul(dy.castTo(DataType.DOUBLE)).sumNumber().doubleValue();
        }

        /** ND4J's y, dx, dW, db for the same operands. */
        INDArray[] runNd4j() {
            long[] args = {kernel, kernel, stride, stride, pad, pad, 1, 1, 0, 0, 0}; // explicit padding, NCHW, kH×kW×C×O
            INDArray[] out = {y.ulike(), dx.ulike(), dw.ulike(), db.ulike()};
            run("conv2d", bias ? new INDArray[] {x, w, b} : new INDArray[] {x, w}, new INDArray[] {out[0]}, args);
            run("conv2d_bp", bias ? new INDArray[] {x, w, b, dy} : new INDArray[] {x, w, dy},
                    bias ? new INDArray[] {out[1], out[2], out[3]} : new INDArray[] {out[1], out[2]}, args);
            return out;
        }

        private static void run(String name, INDArray[] in, INDArray[] out, long[] args) {
            OpContext context = Nd4j.getExecutioner().buildContext();
            context.setInputArrays(in);
            context.setOutputArrays(out);
            context.setIArguments(args);
            Nd4j.getExecutioner().exec(DynamicCustomOp.builder(name).build(), context);
        }
    }
}
