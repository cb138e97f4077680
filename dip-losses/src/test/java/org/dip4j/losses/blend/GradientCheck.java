package org.dip4j.losses.blend;

import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Central finite differences (±1e-6, double precision) against SameDiff's analytic gradient of
 * the loss with respect to the variable F: on single elements, and along random directions that
 * move every element at once (so each check covers the whole image; one graph evaluation costs
 * tens of milliseconds in SameDiff, so the number of evaluations is kept small).
 */
final class GradientCheck {
    private static final double STEP = 1e-6;

    private GradientCheck() {}

    /**
     * The largest relative error |analytic − numeric| / max(|analytic|, |numeric|, floor) over
     * {@code elements} random elements and {@code directions} random directions. For single
     * elements the floor is a tenth of the largest gradient entry: much smaller entries have a
     * finite difference dominated by rounding (≈1e-16·L/1e-6).
     */
    static double maxRelativeError(BlendFixture.Built built, double progress, int elements, int directions, long seed) {
        Map<String, INDArray> feed = built.feed(progress);
        INDArray analytic = built.sd().calculateGradients(feed, "F").get("F").dup();
        INDArray f = built.sd().getVariable("F").getArr();
        double largest = analytic.amaxNumber().doubleValue();
        if (largest == 0) {
            throw new AssertionError("the analytic gradient is zero: nothing to check");
        }
        Random random = new Random(seed);
        double worst = 0;
        for (int k = 0; k < elements; k++) {
            long i = random.nextInt((int) f.length());
            double original = f.getDouble(i);
            f.putScalar(i, original + STEP);
            double plus = built.value(progress);
            f.putScalar(i, original - STEP);
            double minus = built.value(progress);
            f.putScalar(i, original);
            worst = Math.max(worst, error(analytic.getDouble(i), (plus - minus) / (2 * STEP), 0.1 * largest));
        }
        INDArray original = f.dup();
        for (int k = 0; k < directions; k++) {
            INDArray v = Nd4j.rand(f.dataType(), f.shape()).subi(0.5).muli(2);
            double exact = analytic.mul(v).sumNumber().doubleValue();
            f.assign(original.add(v.mul(STEP)));
            double plus = built.value(progress);
            f.assign(original.sub(v.mul(STEP)));
            double minus = built.value(progress);
            f.assign(original);
            worst = Math.max(worst, error(exact, (plus - minus) / (2 * STEP), 0));
        }
        return worst;
    }

    private static double error(double exact, double numeric, double floor) {
        return Math.abs(exact - numeric) / Math.max(Math.max(Math.abs(exact), Math.abs(numeric)), Math.max(floor, 1e-300));
    }
}
