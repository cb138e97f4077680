package org.dip4j.samediff.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.dip4j.samediff.plan.JavaStep;
import org.dip4j.samediff.plan.PlanStep;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float kernels of {@link BatchNormLeakyRelu} on the JDK's vector API, reading and writing
 * ND4J's buffers in place: forward in three passes over each channel plane (mean, variance about
 * the mean, output), backward in two (the sums of g and g·x̂, then the input gradient), each plane
 * in cache meanwhile. Lanes sum in float over blocks of {@value #BLOCK} vectors and the blocks in
 * double, so a sum's rounding stays near a double's. Loaded only when {@link VectorKernels#ENABLED}.
 */
final class BatchNormLeakyReluVectorKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int BLOCK = 64;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private BatchNormLeakyReluVectorKernel() {
    }

    static PlanStep forward(INDArray x, INDArray gamma, INDArray beta, INDArray y, INDArray mean, INDArray invStd,
            double epsilon, float slope) {
        int channels = (int) x.size(1);
        int n = (int) (x.length() / channels);
        ByteBuffer xs = bytes(x);
        ByteBuffer ys = bytes(y);
        var g = Planes.floats(gamma);
        var b = Planes.floats(beta);
        var m = Planes.floats(mean);
        var s = Planes.floats(invStd);
        return new JavaStep("batchnorm_lrelu", () -> Planes.forEach(channels, n, c -> {
            int base = c * n * Float.BYTES;
            float mu = (float) (sum(xs, base, n) / n);
            float inv = (float) (1 / Math.sqrt(sumOfSquares(xs, base, n, mu) / n + epsilon));
            float scale = g.get(c) * inv;
            float shift = b.get(c) - mu * scale;
            normalise(xs, ys, base, n, scale, shift, slope);
            m.put(c, mu);
            s.put(c, inv);
        }));
    }

    static PlanStep backward(INDArray x, INDArray gamma, INDArray y, INDArray mean, INDArray invStd, INDArray dy,
            INDArray dx, INDArray dGamma, INDArray dBeta, float slope) {
        int channels = (int) x.size(1);
        int n = (int) (x.length() / channels);
        ByteBuffer xs = bytes(x);
        ByteBuffer ys = bytes(y);
        ByteBuffer gs = bytes(dy);
        ByteBuffer out = bytes(dx);
        var g = Planes.floats(gamma);
        var m = Planes.floats(mean);
        var s = Planes.floats(invStd);
        var dg = Planes.floats(dGamma);
        var db = Planes.floats(dBeta);
        return new JavaStep("batchnorm_lrelu_bp", () -> Planes.forEach(channels, n, c -> {
            int base = c * n * Float.BYTES;
            float mu = m.get(c);
            float inv = s.get(c);
            double[] sums = Planes.doubleScratch(3, 2); // this thread's, no allocation per plane
            gradientSums(xs, ys, gs, base, n, mu, inv, slope, sums);
            float meanG = (float) (sums[0] / n);
            float meanGx = (float) (sums[1] / n);
            float k = g.get(c) * inv;
            float kx = k * inv * meanGx;
            float k0 = -k * meanG + kx * mu;
            inputGradient(xs, ys, gs, out, base, n, slope, k, kx, k0);
            dg.put(c, (float) sums[1]);
            db.put(c, (float) sums[0]);
        }));
    }

    private static double sum(ByteBuffer xs, int base, int n) {
        int upper = SPECIES.loopBound(n);
        double total = 0;
        FloatVector acc = FloatVector.zero(SPECIES);
        int block = 0;
        int i = 0;
        for (; i < upper; i += LANES) {
            acc = acc.add(FloatVector.fromByteBuffer(SPECIES, xs, base + i * Float.BYTES, ORDER));
            if (++block == BLOCK) {
                total += acc.reduceLanes(VectorOperators.ADD);
                acc = FloatVector.zero(SPECIES);
                block = 0;
            }
        }
        total += acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            total += xs.getFloat(base + i * Float.BYTES);
        }
        return total;
    }

    /** Σ (x − shift)²: the variance about the mean, without the cancellation of E[x²] − μ². */
    private static double sumOfSquares(ByteBuffer xs, int base, int n, float shift) {
        int upper = SPECIES.loopBound(n);
        FloatVector mu = FloatVector.broadcast(SPECIES, shift);
        double total = 0;
        FloatVector acc = FloatVector.zero(SPECIES);
        int block = 0;
        int i = 0;
        for (; i < upper; i += LANES) {
            FloatVector d = FloatVector.fromByteBuffer(SPECIES, xs, base + i * Float.BYTES, ORDER).sub(mu);
            acc = d.fma(d, acc);
            if (++block == BLOCK) {
                total += acc.reduceLanes(VectorOperators.ADD);
                acc = FloatVector.zero(SPECIES);
                block = 0;
            }
        }
        total += acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            double d = xs.getFloat(base + i * Float.BYTES) - shift;
            total += d * d;
        }
        return total;
    }

    /** y = max(a, slope·a) (the LeakyReLU for slope ≤ 1) or a > 0 ? a : slope·a, with a = scale·x + shift. */
    private static void normalise(ByteBuffer xs, ByteBuffer ys, int base, int n, float scale, float shift, float slope) {
        int upper = SPECIES.loopBound(n);
        FloatVector k = FloatVector.broadcast(SPECIES, scale);
        FloatVector k0 = FloatVector.broadcast(SPECIES, shift);
        FloatVector s = FloatVector.broadcast(SPECIES, slope);
        int i = 0;
        for (; i < upper; i += LANES) {
            int at = base + i * Float.BYTES;
            FloatVector a = FloatVector.fromByteBuffer(SPECIES, xs, at, ORDER).fma(k, k0);
            a.blend(a.mul(s), a.compare(VectorOperators.LE, 0f)).intoByteBuffer(ys, at, ORDER);
        }
        for (; i < n; i++) {
            int at = base + i * Float.BYTES;
            float a = xs.getFloat(at) * scale + shift;
            ys.putFloat(at, a > 0 ? a : a * slope);
        }
    }

    /** Writes {Σ g, Σ g·x̂} into {@code sums}, with g = dy through the LeakyReLU (slope where y ≤ 0). */
    private static void gradientSums(ByteBuffer xs, ByteBuffer ys, ByteBuffer gs, int base, int n, float mean,
            float inv, float slope, double[] sums) {
        int upper = SPECIES.loopBound(n);
        FloatVector mu = FloatVector.broadcast(SPECIES, mean);
        FloatVector k = FloatVector.broadcast(SPECIES, inv);
        FloatVector s = FloatVector.broadcast(SPECIES, slope);
        double sumG = 0;
        double sumGx = 0;
        FloatVector accG = FloatVector.zero(SPECIES);
        FloatVector accGx = FloatVector.zero(SPECIES);
        int block = 0;
        int i = 0;
        for (; i < upper; i += LANES) {
            int at = base + i * Float.BYTES;
            FloatVector g = throughLeakyRelu(ys, gs, at, s);
            FloatVector xHat = FloatVector.fromByteBuffer(SPECIES, xs, at, ORDER).sub(mu).mul(k);
            accG = accG.add(g);
            accGx = g.fma(xHat, accGx);
            if (++block == BLOCK) {
                sumG += accG.reduceLanes(VectorOperators.ADD);
                sumGx += accGx.reduceLanes(VectorOperators.ADD);
                accG = FloatVector.zero(SPECIES);
                accGx = FloatVector.zero(SPECIES);
                block = 0;
            }
        }
        sumG += accG.reduceLanes(VectorOperators.ADD);
        sumGx += accGx.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            int at = base + i * Float.BYTES;
            float g = throughLeakyRelu(ys.getFloat(at), gs.getFloat(at), slope);
            sumG += g;
            sumGx += g * ((xs.getFloat(at) - mean) * inv);
        }
        sums[0] = sumG;
        sums[1] = sumGx;
    }

    /** dx = k·g − kx·x + k0, that is k·(g − mean g − x̂·mean(g·x̂)) rearranged. */
    private static void inputGradient(ByteBuffer xs, ByteBuffer ys, ByteBuffer gs, ByteBuffer out, int base, int n,
            float slope, float k, float kx, float k0) {
        int upper = SPECIES.loopBound(n);
        FloatVector s = FloatVector.broadcast(SPECIES, slope);
        FloatVector vk = FloatVector.broadcast(SPECIES, k);
        FloatVector vkx = FloatVector.broadcast(SPECIES, -kx);
        FloatVector vk0 = FloatVector.broadcast(SPECIES, k0);
        int i = 0;
        for (; i < upper; i += LANES) {
            int at = base + i * Float.BYTES;
            FloatVector g = throughLeakyRelu(ys, gs, at, s);
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, xs, at, ORDER);
            g.fma(vk, x.fma(vkx, vk0)).intoByteBuffer(out, at, ORDER);
        }
        for (; i < n; i++) {
            int at = base + i * Float.BYTES;
            float g = throughLeakyRelu(ys.getFloat(at), gs.getFloat(at), slope);
            out.putFloat(at, k * g - kx * xs.getFloat(at) + k0);
        }
    }

    private static FloatVector throughLeakyRelu(ByteBuffer ys, ByteBuffer gs, int at, FloatVector slope) {
        FloatVector g = FloatVector.fromByteBuffer(SPECIES, gs, at, ORDER);
        VectorMask<Float> notPositive = FloatVector.fromByteBuffer(SPECIES, ys, at, ORDER).compare(VectorOperators.LE, 0f);
        return g.blend(g.mul(slope), notPositive);
    }

    private static float throughLeakyRelu(float y, float g, float slope) {
        return y > 0 ? g : g * slope;
    }

    /** The array's data as bytes in native order (a whole c-ordered float array, as the plan allocates). */
    private static ByteBuffer bytes(INDArray a) {
        Planes.floats(a); // checks the layout
        return a.data().asNio().duplicate().order(ORDER);
    }
}
