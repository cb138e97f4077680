package org.dip4j.samediff.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dip4j.samediff.nd4j.Nd4jAdapter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares SameDiff's analytic gradients with central finite differences, in double precision.
 *
 * <p>SameDiff 1.0.0-M2.1 computes some gradients wrongly without any error (reflection padding,
 * the built-in losses), so every differentiable block of dip4j, and every loss plugin, is held to
 * this check. The graph must be built in {@link DataType#DOUBLE}.
 */
public final class GradientCheck {
    private final double step;
    private final int samplesPerVariable;
    private final long seed;

    private GradientCheck(double step, int samplesPerVariable, long seed) {
        this.step = step;
        this.samplesPerVariable = samplesPerVariable;
        this.seed = seed;
    }

    /** Step 1e-6, up to 40 sampled elements per variable. */
    public static GradientCheck defaults() {
        return new GradientCheck(1e-6, 40, 12345);
    }

    public GradientCheck withSamplesPerVariable(int n) {
        return new GradientCheck(step, n, seed);
    }

    /** One compared element. */
    public record Element(String variable, long index, double analytic, double numeric) {
        /**
         * |a − n| / max(|a|, |n|, 1e-5): gradients below 1e-5 are compared absolutely, since
         * central differences carry round-off of about 1e-11 there.
         */
        public double relativeError() {
            double scale = Math.max(1e-5, Math.max(Math.abs(analytic), Math.abs(numeric)));
            return Math.abs(analytic - numeric) / scale;
        }
    }

    /** The outcome: every compared element and the worst one. */
    public record Result(List<Element> elements) {
        public double maxRelativeError() {
            return elements.stream().mapToDouble(Element::relativeError).max().orElse(0);
        }

        public Element worst() {
            Element w = elements.get(0);
            for (Element e : elements) {
                if (e.relativeError() > w.relativeError()) {
                    w = e;
                }
            }
            return w;
        }

        /** How many elements had a non-zero analytic or numeric gradient. */
        public long nonZeroCount() {
            return elements.stream().filter(e -> Math.abs(e.analytic()) > 1e-12 || Math.abs(e.numeric()) > 1e-12)
                    .count();
        }

        @Override
        public String toString() {
            return "GradientCheck[%d elements, %d non-zero, max relative error %.3e at %s]".formatted(
                    elements.size(), nonZeroCount(), maxRelativeError(), elements.isEmpty() ? "-" : worst());
        }
    }

    /**
     * Checks d{@code loss}/d{@code variables} (SameDiff VARIABLEs) with the given placeholder
     * values. The variables' arrays are restored afterwards.
     */
    public Result check(SameDiff sd, SDVariable loss, Map<String, INDArray> placeholders, List<String> variables) {
        Map<String, INDArray> analytic = quietly(() -> sd.calculateGradients(placeholders, variables));
        List<Element> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (String name : variables) {
            INDArray arr = sd.getVariable(name).getArr();
            if (arr.dataType() != DataType.DOUBLE) {
                throw new IllegalArgumentException("gradient checks need DOUBLE variables; " + name + " is "
                        + arr.dataType());
            }
            INDArray grad = analytic.get(name);
            if (grad == null) {
                throw new IllegalStateException("SameDiff returned no gradient for " + name);
            }
            INDArray flatGrad = grad.reshape(grad.length());
            long n = arr.length();
            for (long index : sample(n, random)) {
                double original = arr.getDouble(index);
                arr.putScalar(index, original + step);
                double plus = value(sd, loss, placeholders);
                arr.putScalar(index, original - step);
                double minus = value(sd, loss, placeholders);
                arr.putScalar(index, original);
                out.add(new Element(name, index, flatGrad.getDouble(index), (plus - minus) / (2 * step)));
            }
        }
        return new Result(out);
    }

    /**
     * Checks one random direction per variable: the analytic directional derivative g·v against
     * (L(θ + εv) − L(θ − εv)) / 2ε, with v a random unit-variance direction in that variable's
     * subspace. Two forward passes per variable instead of two per element, for whole networks.
     * Reported elements have index −1.
     */
    public Result checkDirections(SameDiff sd, SDVariable loss, Map<String, INDArray> placeholders,
            List<String> variables) {
        Map<String, INDArray> analytic = quietly(() -> sd.calculateGradients(placeholders, variables));
        List<Element> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (String name : variables) {
            INDArray arr = sd.getVariable(name).getArr();
            INDArray grad = analytic.get(name);
            if (grad == null) {
                throw new IllegalStateException("SameDiff returned no gradient for " + name);
            }
            INDArray direction = arr.ulike();
            for (long i = 0; i < direction.length(); i++) {
                direction.putScalar(i, random.nextDouble() * 2 - 1);
            }
            double expected = grad.reshape(grad.length()).mul(direction.reshape(direction.length())).sumNumber()
                    .doubleValue();
            INDArray original = arr.dup();
            arr.addi(direction.mul(step));
            double plus = value(sd, loss, placeholders);
            arr.assign(original).subi(direction.mul(step));
            double minus = value(sd, loss, placeholders);
            arr.assign(original);
            out.add(new Element(name, -1, expected, (plus - minus) / (2 * step)));
        }
        return new Result(out);
    }

    private long[] sample(long n, SplittableRandom random) {
        if (n <= samplesPerVariable) {
            long[] all = new long[(int) n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        long[] s = new long[samplesPerVariable];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextLong(n);
        }
        return s;
    }

    private static double value(SameDiff sd, SDVariable loss, Map<String, INDArray> placeholders) {
        Map<String, INDArray> out = sd.output(new LinkedHashMap<>(placeholders), loss.name());
        return java.util.Objects.requireNonNull(out.get(loss.name())).getDouble(0);
    }

    /**
     * Runs {@code action}, which builds a gradient function (for instance through
     * {@code calculateGradients}), without the line per op SameDiff M2.1 prints to standard
     * output while it does. {@code System.out} is not swapped: a filter installed once drops
     * those lines only, so calls from several threads at once are safe.
     */
    public static <T> T quietly(java.util.function.Supplier<T> action) {
        return Nd4jAdapter.buildingGradients(action);
    }
}
