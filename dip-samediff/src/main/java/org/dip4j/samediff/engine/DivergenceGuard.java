package org.dip4j.samediff.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dip4j.api.DipException;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The divergence guard ({@code dip.run.backtrack}), generalising the reference's backtracking:
 * when PSNR of the prediction against the observation falls by more than {@code psnr-drop} dB
 * from one iteration to the next, the parameters of the last good iteration are put back and
 * the iteration is repeated; the Adam state is kept, as in the reference. After
 * {@code max-restores} restores the run fails with what to change.
 */
final class DivergenceGuard {
    private final double psnrDrop;
    private final int maxRestores;
    private final Map<String, INDArray> parameters;
    private final INDArray observation;
    private @Nullable Map<String, INDArray> lastGood;
    private int restores;
    private double lastPsnr = Double.NaN;

    /**
     * @param parameters the network's parameter arrays (restored in place)
     * @param observation what the prediction is compared with
     */
    DivergenceGuard(double psnrDrop, int maxRestores, Map<String, INDArray> parameters, INDArray observation) {
        this.psnrDrop = psnrDrop;
        this.maxRestores = maxRestores;
        this.parameters = parameters;
        this.observation = observation;
    }

    /**
     * Judges the step of {@code iteration} by its prediction: keeps the parameters as the last
     * good ones, or puts the last good ones back and returns true (the step is to be repeated).
     */
    boolean undoes(int iteration, INDArray prediction, RunObserver observer) {
        double mse = prediction.squaredDistance(observation) / observation.length();
        double psnr = 10 * Math.log10(1.0 / mse);
        Map<String, INDArray> good = lastGood;
        if (good != null && psnr - lastPsnr < -psnrDrop) {
            restore(good, iteration, lastPsnr - psnr, observer);
            return true;
        }
        keep();
        lastPsnr = psnr;
        return false;
    }

    private void restore(Map<String, INDArray> good, int iteration, double drop, RunObserver observer) {
        restores++;
        if (restores > maxRestores) {
            throw new DipException(("the optimisation diverged: PSNR against the observation collapsed %d times "
                    + "(last at iteration %d, a drop of %.1f dB); lower dip.optimizer.learning-rate or raise "
                    + "dip.run.backtrack.max-restores").formatted(restores, iteration, drop));
        }
        parameters.forEach((name, value) -> value.assign(good.get(name)));
        observer.restored(iteration, drop, restores);
    }

    private void keep() {
        Map<String, INDArray> good = lastGood;
        if (good == null) {
            good = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
                good.put(e.getKey(), e.getValue().dup());
            }
            lastGood = good;
        } else {
            for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
                INDArray kept = java.util.Objects.requireNonNull(good.get(e.getKey()));
                kept.assign(e.getValue());
            }
        }
    }

    /** Restores so far. */
    int restores() {
        return restores;
    }

    /** PSNR of the last good iteration, NaN before the first. */
    double lastPsnr() {
        return lastPsnr;
    }

    void save(CheckpointCodec.Section out) {
        if (lastGood != null) {
            lastGood.forEach(out::putArray);
        }
    }

    /** Restores what {@link #save} stored, with the counters the checkpoint keeps beside it. */
    void restore(CheckpointCodec.Section in, int restoresSoFar, double lastGoodPsnr) {
        restores = restoresSoFar;
        lastPsnr = lastGoodPsnr;
        lastGood = null;
        if (parameters.isEmpty() || in.array(parameters.keySet().iterator().next()) == null) {
            return; // saved before the first good iteration, or with the guard off
        }
        Map<String, INDArray> good = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            good.put(name, in.requireArray(name).dup());
        }
        lastGood = good;
    }
}
