package org.dip4j.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The double-precision graph a {@link LossContractTests} builds a loss into, open for the inputs
 * the loss needs besides the output and the observation: a mask, named auxiliary images. Like
 * the engine, it always provides a progress placeholder (fed 0.5).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class LossFixture {
    private final SameDiff sameDiff;
    private final LossGraph.Builder builder;
    private final SplittableRandom random;
    private final int channels;
    private final int height;
    private final int width;
    private final Map<String, INDArray> placeholders = new LinkedHashMap<>();

    LossFixture(SameDiff sameDiff, LossGraph.Builder builder, SplittableRandom random, int channels, int height,
            int width) {
        this.sameDiff = sameDiff;
        this.builder = builder;
        this.random = random;
        this.channels = channels;
        this.height = height;
        this.width = width;
        builder.progress(placeholder("dip/progress", Nd4j.scalar(0.5)));
    }

    public SameDiff sameDiff() {
        return sameDiff;
    }

    /** The builder the loss graph is made from; add what {@link #mask} and {@link #auxiliary} do not cover. */
    public LossGraph.Builder builder() {
        return builder;
    }

    public SplittableRandom random() {
        return random;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** A 1×c×H×W double array of uniform samples in [low, high). */
    public INDArray uniform(int c, double low, double high) {
        double[] s = new double[c * height * width];
        for (int i = 0; i < s.length; i++) {
            s[i] = low + (high - low) * random.nextDouble();
        }
        return Nd4j.createFromArray(s).reshape('c', 1, c, height, width).castTo(DataType.DOUBLE);
    }

    /** A 1×1×H×W mask of 0 and 1 with about {@code missing} of it 0, set as the graph's mask. */
    public SDVariable mask(double missing) {
        double[] s = new double[height * width];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextDouble() < missing ? 0.0 : 1.0;
        }
        SDVariable m = sameDiff.constant("dip/mask",
                Nd4j.createFromArray(s).reshape('c', 1, 1, height, width).castTo(DataType.DOUBLE));
        builder.mask(m);
        return m;
    }

    /** Adds the named auxiliary image as a constant. */
    public SDVariable auxiliary(String name, INDArray image) {
        SDVariable v = sameDiff.constant("dip/aux/" + name, image.castTo(DataType.DOUBLE));
        builder.auxiliary(name, v);
        return v;
    }

    /** A placeholder fed {@code value} whenever the loss is evaluated. */
    public SDVariable placeholder(String name, INDArray value) {
        INDArray v = value.castTo(DataType.DOUBLE);
        SDVariable p = v.rank() == 0 ? sameDiff.placeHolder(name, DataType.DOUBLE)
                : sameDiff.placeHolder(name, DataType.DOUBLE, v.shape());
        placeholders.put(name, v);
        return p;
    }

    Map<String, INDArray> placeholders() {
        return placeholders;
    }
}
