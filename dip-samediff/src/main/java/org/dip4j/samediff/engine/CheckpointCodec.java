package org.dip4j.samediff.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.dip4j.api.DipException;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The layout of a run's state in a {@link Checkpoint}: which part is stored under which name
 * ({@code param/}, {@code adam/}, {@code good/}, {@code average}, {@code es/}), and the format
 * number of that layout. Each part saves and restores its own state through a {@link Section}
 * and names only the entries inside it.
 */
final class CheckpointCodec {
    /** The layout this class writes; a change of names or meaning needs a new number. */
    static final int FORMAT = 1;

    private static final String PARAMETERS = "param";
    private static final String OPTIMIZER = "adam";
    private static final String GUARD = "good";
    private static final String AVERAGE = "average";
    private static final String EARLY_STOP = "es";
    private static final String ELAPSED = "elapsed-seconds";

    private CheckpointCodec() {
    }

    /** One part's entries: arrays under {@code <part>/<key>}, scalars under {@code <part>.<key>}. */
    static final class Section {
        private final String part;
        private final Map<String, INDArray> arrays;
        private final Properties scalars;

        private Section(String part, Map<String, INDArray> arrays, Properties scalars) {
            this.part = part;
            this.arrays = arrays;
            this.scalars = scalars;
        }

        /** Stores a copy of {@code value}. */
        void putArray(String key, INDArray value) {
            arrays.put(part + "/" + key, value.dup());
        }

        @Nullable INDArray array(String key) {
            return arrays.get(part + "/" + key);
        }

        /** The array, or an error that says the checkpoint was written for another network. */
        INDArray requireArray(String key) {
            INDArray a = array(key);
            if (a == null) {
                throw new DipException("the checkpoint has no array " + part + "/" + key
                        + "; it belongs to another network");
            }
            return a;
        }

        /** Stores a copy of the part's only array, under the part's own name. */
        void putWhole(INDArray value) {
            arrays.put(part, value.dup());
        }

        @Nullable INDArray whole() {
            return arrays.get(part);
        }

        void putScalar(String key, String value) {
            scalars.setProperty(part + "." + key, value);
        }

        @Nullable String scalar(String key) {
            return scalars.getProperty(part + "." + key);
        }
    }

    /**
     * The state after {@code done} iterations.
     *
     * @param stepsPending steps Adam has applied but SameDiff has not counted yet (1 inside a training step)
     * @param seconds optimisation wall time so far, including before a resume
     */
    static Checkpoint encode(int done, int stepsPending, double seconds, SameDiff sd, Map<String, INDArray> parameters,
            DivergenceGuard guard, OutputAverage average, @Nullable EarlyStopping earlyStopping) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        Properties extra = new Properties();
        Section params = new Section(PARAMETERS, arrays, extra);
        parameters.forEach(params::putArray);
        if (sd.getUpdaterMap() != null) {
            Section adam = new Section(OPTIMIZER, arrays, extra);
            sd.getUpdaterMap().forEach((name, updater) -> stateOf(updater).forEach((key, value) ->
                    adam.putArray(name + "/" + key, value)));
        }
        guard.save(new Section(GUARD, arrays, extra));
        average.save(new Section(AVERAGE, arrays, extra));
        extra.setProperty(ELAPSED, Double.toString(seconds));
        if (earlyStopping != null) {
            earlyStopping.save(new Section(EARLY_STOP, arrays, extra));
        }
        int steps = (sd.getTrainingConfig() == null ? 0 : sd.getTrainingConfig().getIterationCount()) + stepsPending;
        return new Checkpoint(done, steps, guard.restores(), guard.lastPsnr(), arrays, extra);
    }

    /** Puts the checkpoint's parameters, guard, average and early stopping back; the optimiser comes later. */
    static void restore(Checkpoint c, Map<String, INDArray> parameters, DivergenceGuard guard, OutputAverage average,
            @Nullable EarlyStopping earlyStopping) {
        Section params = section(c, PARAMETERS);
        parameters.forEach((name, value) -> value.assign(params.requireArray(name)));
        average.restore(section(c, AVERAGE));
        guard.restore(section(c, GUARD), c.restores(), c.lastPsnr());
        if (earlyStopping != null) {
            earlyStopping.restore(section(c, EARLY_STOP));
        }
    }

    /** The optimisation seconds the checkpointed run had spent. */
    static double seconds(Checkpoint c) {
        return Double.parseDouble(c.extra().getProperty(ELAPSED, "0"));
    }

    /**
     * Puts the checkpoint's Adam moments into {@code sd}'s initialised updaters, and its step
     * count into the training configuration.
     */
    static void restoreOptimizer(Checkpoint c, SameDiff sd) {
        Section adam = section(c, OPTIMIZER);
        sd.getUpdaterMap().forEach((name, updater) -> stateOf(updater).forEach((key, value) -> {
            INDArray saved = adam.array(name + "/" + key);
            if (saved != null) {
                value.assign(saved); // in place: the state arrays are views of one buffer
            }
        }));
        sd.getTrainingConfig().setIterationCount(c.optimizerSteps());
    }

    private static Section section(Checkpoint c, String part) {
        return new Section(part, c.arrays(), c.extra());
    }

    private static Map<String, INDArray> stateOf(GradientUpdater<?> updater) {
        return updater.getState();
    }
}
