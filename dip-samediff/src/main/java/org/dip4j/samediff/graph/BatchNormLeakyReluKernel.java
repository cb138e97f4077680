package org.dip4j.samediff.graph;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.dip4j.samediff.plan.JavaStep;
import org.dip4j.samediff.plan.PlanStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Java kernels of {@link BatchNormLeakyRelu}, per channel plane: forward in two passes (mean
 * and variance, then the normalised and activated values), backward in two (the sums of the
 * upstream gradient and of its product with x̂, then the input gradient). Sums are in double.
 * Float maps go to {@link BatchNormLeakyReluVectorKernel} when the vector API is there.
 */
final class BatchNormLeakyReluKernel {
    private BatchNormLeakyReluKernel() {
    }

    static PlanStep forward(INDArray x, INDArray gamma, INDArray beta, INDArray y, INDArray mean, INDArray invStd,
            double epsilon, double slope) {
        if (x.dataType() == DataType.FLOAT && VectorKernels.ENABLED) {
            return BatchNormLeakyReluVectorKernel.forward(x, gamma, beta, y, mean, invStd, epsilon, (float) slope);
        }
        return scalarForward(x, gamma, beta, y, mean, invStd, epsilon, slope);
    }

    /** The forward in plain Java loops (float or double), whatever {@link VectorKernels#ENABLED} says. */
    static PlanStep scalarForward(INDArray x, INDArray gamma, INDArray beta, INDArray y, INDArray mean,
            INDArray invStd, double epsilon, double slope) {
        int channels = (int) x.size(1);
        int plane = (int) (x.length() / channels);
        Runnable run = x.dataType() == DataType.FLOAT
                ? floatForward(Planes.floats(x), Planes.floats(gamma), Planes.floats(beta), Planes.floats(y),
                        Planes.floats(mean), Planes.floats(invStd), channels, plane, epsilon, (float) slope)
                : doubleForward(Planes.doubles(x), Planes.doubles(gamma), Planes.doubles(beta), Planes.doubles(y),
                        Planes.doubles(mean), Planes.doubles(invStd), channels, plane, epsilon, slope);
        return new JavaStep("batchnorm_lrelu", run);
    }

    static PlanStep backward(INDArray x, INDArray gamma, INDArray y, INDArray mean, INDArray invStd, INDArray dy,
            INDArray dx, INDArray dGamma, INDArray dBeta, double slope) {
        if (x.dataType() == DataType.FLOAT && VectorKernels.ENABLED) {
            return BatchNormLeakyReluVectorKernel.backward(x, gamma, y, mean, invStd, dy, dx, dGamma, dBeta, (float) slope);
        }
        return scalarBackward(x, gamma, y, mean, invStd, dy, dx, dGamma, dBeta, slope);
    }

    /** The backward in plain Java loops (float or double), whatever {@link VectorKernels#ENABLED} says. */
    static PlanStep scalarBackward(INDArray x, INDArray gamma, INDArray y, INDArray mean, INDArray invStd,
            INDArray dy, INDArray dx, INDArray dGamma, INDArray dBeta, double slope) {
        int channels = (int) x.size(1);
        int plane = (int) (x.length() / channels);
        Runnable run = x.dataType() == DataType.FLOAT
                ? floatBackward(Planes.floats(x), Planes.floats(gamma), Planes.floats(y), Planes.floats(mean),
                        Planes.floats(invStd), Planes.floats(dy), Planes.floats(dx), Planes.floats(dGamma),
                        Planes.floats(dBeta), channels, plane, (float) slope)
                : doubleBackward(Planes.doubles(x), Planes.doubles(gamma), Planes.doubles(y), Planes.doubles(mean),
                        Planes.doubles(invStd), Planes.doubles(dy), Planes.doubles(dx), Planes.doubles(dGamma),
                        Planes.doubles(dBeta), channels, plane, slope);
        return new JavaStep("batchnorm_lrelu_bp", run);
    }

    private static Runnable floatForward(FloatBuffer x, FloatBuffer gamma, FloatBuffer beta, FloatBuffer y,
            FloatBuffer mean, FloatBuffer invStd, int channels, int n, double epsilon, float slope) {
        return () -> Planes.forEach(channels, n, c -> {
            float[] v = Planes.floatScratch(0, n);
            x.get(c * n, v, 0, n);
            // Sum and sum of squares in one pass, in four independent double accumulators each
            // (a single chain of dependent additions is several times slower).
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double a0 = v[i], a1 = v[i + 1], a2 = v[i + 2], a3 = v[i + 3];
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                q0 += a0 * a0;
                q1 += a1 * a1;
                q2 += a2 * a2;
                q3 += a3 * a3;
            }
            for (; i < n; i++) {
                s0 += v[i];
                q0 += (double) v[i] * v[i];
            }
            double m = (s0 + s1 + s2 + s3) / n;
            double variance = Math.max(0, (q0 + q1 + q2 + q3) / n - m * m);
            float mu = (float) m;
            float inv = (float) (1 / Math.sqrt(variance + epsilon));
            float scale = gamma.get(c) * inv;
            float shift = beta.get(c) - mu * scale;
            if (slope <= 1) {
                // max(a, slope·a) is the LeakyReLU for slope ≤ 1, without a branch on the sign
                // (half the signs are unpredictable: a branch there costs more than the arithmetic).
                for (int j = 0; j < n; j++) {
                    float a = v[j] * scale + shift;
                    v[j] = Math.max(a, a * slope);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    float a = v[j] * scale + shift;
                    v[j] = a > 0 ? a : a * slope;
                }
            }
            y.put(c * n, v, 0, n);
            mean.put(c, mu);
            invStd.put(c, inv);
        });
    }

    private static Runnable floatBackward(FloatBuffer x, FloatBuffer gamma, FloatBuffer y, FloatBuffer mean,
            FloatBuffer invStd, FloatBuffer dy, FloatBuffer dx, FloatBuffer dGamma, FloatBuffer dBeta, int channels,
            int n, float slope) {
        // Through the LeakyReLU: factor 1 where y > 0, else the slope, picked by y's bits rather
        // than by a branch (unpredictable on half the signs).
        float[] factor = {1, slope};
        return () -> Planes.forEach(channels, n, c -> {
            float[] xs = Planes.floatScratch(0, n);
            float[] ys = Planes.floatScratch(1, n);
            float[] gs = Planes.floatScratch(2, n);
            x.get(c * n, xs, 0, n);
            y.get(c * n, ys, 0, n);
            dy.get(c * n, gs, 0, n);
            float mu = mean.get(c);
            float inv = invStd.get(c);
            double g0 = 0, g1 = 0, h0 = 0, h1 = 0; // sums of g and of g·x̂, two chains each
            int i = 0;
            for (; i + 1 < n; i += 2) {
                float a = gs[i] * factor[notPositive(ys[i])];
                float b = gs[i + 1] * factor[notPositive(ys[i + 1])];
                gs[i] = a;
                gs[i + 1] = b;
                g0 += a;
                g1 += b;
                h0 += a * ((xs[i] - mu) * inv);
                h1 += b * ((xs[i + 1] - mu) * inv);
            }
            for (; i < n; i++) {
                float a = gs[i] * factor[notPositive(ys[i])];
                gs[i] = a;
                g0 += a;
                h0 += a * ((xs[i] - mu) * inv);
            }
            double sumG = g0 + g1;
            double sumGx = h0 + h1;
            float meanG = (float) (sumG / n);
            float meanGx = (float) (sumGx / n);
            float k = gamma.get(c) * inv;
            float kx = k * inv * meanGx;
            float k0 = -k * meanG + kx * mu;
            for (int j = 0; j < n; j++) {
                xs[j] = k * gs[j] - kx * xs[j] + k0; // k·(g − mean g − x̂·mean(g x̂)), rearranged to vectorise
            }
            dx.put(c * n, xs, 0, n);
            dGamma.put(c, (float) sumGx);
            dBeta.put(c, (float) sumG);
        });
    }

    /** 1 when {@code y} is not positive (zero of either sign, negative or NaN with the sign bit), else 0. */
    private static int notPositive(float y) {
        int bits = Float.floatToRawIntBits(y);
        return ((bits - 1) | bits) >>> 31;
    }

    private static Runnable doubleForward(DoubleBuffer x, DoubleBuffer gamma, DoubleBuffer beta, DoubleBuffer y,
            DoubleBuffer mean, DoubleBuffer invStd, int channels, int n, double epsilon, double slope) {
        return () -> Planes.forEach(channels, n, c -> {
            double[] v = Planes.doubleScratch(0, n);
            x.get(c * n, v, 0, n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += v[i];
            }
            double mu = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = v[i] - mu;
                squares += d * d;
            }
            double inv = 1 / Math.sqrt(squares / n + epsilon);
            double scale = gamma.get(c) * inv;
            double shift = beta.get(c) - mu * scale;
            for (int i = 0; i < n; i++) {
                double a = v[i] * scale + shift;
                v[i] = a > 0 ? a : a * slope;
            }
            y.put(c * n, v, 0, n);
            mean.put(c, mu);
            invStd.put(c, inv);
        });
    }

    private static Runnable doubleBackward(DoubleBuffer x, DoubleBuffer gamma, DoubleBuffer y, DoubleBuffer mean,
            DoubleBuffer invStd, DoubleBuffer dy, DoubleBuffer dx, DoubleBuffer dGamma, DoubleBuffer dBeta,
            int channels, int n, double slope) {
        return () -> Planes.forEach(channels, n, c -> {
            double[] xs = Planes.doubleScratch(0, n);
            double[] ys = Planes.doubleScratch(1, n);
            double[] gs = Planes.doubleScratch(2, n);
            x.get(c * n, xs, 0, n);
            y.get(c * n, ys, 0, n);
            dy.get(c * n, gs, 0, n);
            double mu = mean.get(c);
            double inv = invStd.get(c);
            double sumG = 0;
            double sumGx = 0;
            for (int i = 0; i < n; i++) {
                double g = ys[i] > 0 ? gs[i] : gs[i] * slope;
                gs[i] = g;
                sumG += g;
                sumGx += g * ((xs[i] - mu) * inv);
            }
            double meanG = sumG / n;
            double meanGx = sumGx / n;
            double k = gamma.get(c) * inv;
            for (int i = 0; i < n; i++) {
                xs[i] = k * (gs[i] - meanG - (xs[i] - mu) * inv * meanGx);
            }
            dx.put(c * n, xs, 0, n);
            dGamma.put(c, sumGx);
            dBeta.put(c, sumG);
        });
    }
}
