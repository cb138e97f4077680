package org.dip4j.losses.blend;

import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The annealed soft transition map of supplement A3, built inside the graph from the run's
 * progress placeholder so that it changes every iteration without rebuilding anything:
 *
 * <pre>α_t = clip(α^γ(t), 0, 1),   γ(t) = 1 + s·(1 − t/T)^c</pre>
 *
 * with s = {@code anneal-scale} (4 in the report) and c = {@code anneal-power} from the term's
 * settings. Early on γ = 1 + s, which pulls α_t towards 0 except deep inside the foreground; at
 * the end γ = 1 and α_t = α. No gradient flows into α: it is a constant of the problem.
 */
public final class AnnealedAlpha {
    /** Settings key of s, the exponent added at t = 0. */
    public static final String SCALE_KEY = "anneal-scale";
    /** Settings key of c, the shape of the schedule. */
    public static final String POWER_KEY = "anneal-power";

    /** α is clamped to this before its logarithm, so that α = 0 gives α_t ≈ 0 and no NaN. */
    private static final double LOG_FLOOR = 1e-30;

    private AnnealedAlpha() {}

    /** α_t from the graph's {@code alpha} auxiliary and the term's own {@code anneal-*} settings. */
    public static SDVariable define(LossGraph graph) {
        return define(graph, graph.auxiliary(AuxiliaryImages.ALPHA), graph.settings().getDouble(SCALE_KEY),
                graph.settings().getDouble(POWER_KEY));
    }

    /**
     * α_t for the given map (1×1×H×W) and schedule; the progress placeholder is cast to the map's
     * data type and clipped to [0, 1].
     */
    public static SDVariable define(LossGraph graph, SDVariable alpha, double scale, double power) {
        if (scale < 0 || power <= 0) {
            throw new IllegalArgumentException(
                    "anneal-scale must be >= 0 and anneal-power > 0, got " + scale + " and " + power);
        }
        SameDiff sd = graph.sameDiff();
        SDVariable progress = graph.progress().castTo(alpha.dataType());
        SDVariable remaining = sd.math().clipByValue(progress.rsub(1.0), 0.0, 1.0);
        SDVariable gamma = sd.math().pow(remaining, power).mul(scale).add(1.0);
        SDVariable logAlpha = sd.math().log(sd.math().clipByValue(alpha, LOG_FLOOR, 1.0));
        SDVariable powered = sd.math().exp(logAlpha.mul(gamma));
        return sd.math().clipByValue(graph.name("alpha-t"), powered, 0.0, 1.0);
    }

    /** The same schedule on the host, for tests and documentation. */
    public static double host(double alpha, double progress, double scale, double power) {
        double remaining = Math.min(1.0, Math.max(0.0, 1.0 - progress));
        double gamma = 1.0 + scale * Math.pow(remaining, power);
        return Math.min(1.0, Math.max(0.0, Math.pow(Math.max(alpha, LOG_FLOOR), gamma)));
    }
}
