package org.dip4j.losses;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The multi-scale formula in plain Java loops, independent of SameDiff: the masked residual
 * and the mask average-pooled over whole s×s blocks (partial blocks at the bottom and right
 * dropped), then Σ_s w_s · Σ (M_s·R_s)² / (C · Σ M_s).
 */
final class PlainMultiscale {
    private PlainMultiscale() {}

    static double value(INDArray prediction, INDArray observation, INDArray mask, List<Integer> scales,
            List<Double> weights) {
        return value(prediction, observation, mask, scales, weights, false);
    }

    /**
     * With {@code separate}, the report's form: R_s = pool(O) − pool(M·I) instead of pool(M·(O − I)).
     */
    static double value(INDArray prediction, INDArray observation, INDArray mask, List<Integer> scales,
            List<Double> weights, boolean separate) {
        int c = (int) prediction.size(1);
        int h = (int) prediction.size(2);
        int w = (int) prediction.size(3);
        double total = 0;
        for (int k = 0; k < scales.size(); k++) {
            int s = scales.get(k);
            int hs = h / s;
            int ws = w / s;
            double numerator = 0;
            double maskSum = 0;
            for (int y = 0; y < hs; y++) {
                for (int x = 0; x < ws; x++) {
                    double m = 0;
                    for (int dy = 0; dy < s; dy++) {
                        for (int dx = 0; dx < s; dx++) {
                            m += mask.getDouble(0, 0, y * s + dy, x * s + dx);
                        }
                    }
                    m /= s * s;
                    maskSum += c * m;
                    for (int ch = 0; ch < c; ch++) {
                        double r = 0;
                        for (int dy = 0; dy < s; dy++) {
                            for (int dx = 0; dx < s; dx++) {
                                int yy = y * s + dy;
                                int xx = x * s + dx;
                                double known = mask.getDouble(0, 0, yy, xx);
                                double o = prediction.getDouble(0, ch, yy, xx);
                                double i = observation.getDouble(0, ch, yy, xx);
                                r += separate ? o - known * i : known * (o - i);
                            }
                        }
                        r /= s * s;
                        numerator += (m * r) * (m * r);
                    }
                }
            }
            total += weights.get(k) * numerator / maskSum;
        }
        return total;
    }
}
