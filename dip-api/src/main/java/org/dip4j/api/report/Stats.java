package org.dip4j.api.report;

import java.util.Collection;
import org.apiguardian.api.API;

/**
 * Mean, spread and count of one table cell over seeds: the sample standard deviation (n − 1 in
 * the denominator; 0 for a single value). NaN values (a metric that does not apply) are left out.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Stats(double mean, double std, int n) {
    /** The statistics of {@code values} without their NaNs; {@code n = 0} when none is left. */
    public static Stats of(Collection<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Stats(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Stats(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
    }

    /** One value as a cell: {@code n = 1}, or empty when it is NaN. */
    public static Stats of(double value) {
        return Double.isNaN(value) ? new Stats(Double.NaN, Double.NaN, 0) : new Stats(value, 0, 1);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
