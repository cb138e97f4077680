package org.dip4j.api;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apiguardian.api.API;

/**
 * An image as channels × height × width samples in double precision, nominally in [0, 1].
 *
 * <p>Instances are immutable: every operation returns a new image. Double precision keeps the
 * metrics exact against the golden values of scikit-image and friends; the network itself works
 * in float.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Image {
    private final int channels;
    private final int height;
    private final int width;
    private final double[] samples;

    private Image(int channels, int height, int width, double[] samples) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "image dimensions must be positive, got %d×%d×%d".formatted(channels, height, width));
        }
        if (samples.length != channels * height * width) {
            throw new IllegalArgumentException("expected %d samples for %d×%d×%d, got %d"
                    .formatted(channels * height * width, channels, height, width, samples.length));
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.samples = samples;
    }

    /** Wraps a copy of {@code samples}, laid out channel-major (CHW). */
    public static Image of(int channels, int height, int width, double[] samples) {
        return new Image(channels, height, width, samples.clone());
    }

    /** Wraps a copy of float {@code samples}, laid out channel-major (CHW). */
    public static Image of(int channels, int height, int width, float[] samples) {
        double[] copy = new double[samples.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = samples[i];
        }
        return new Image(channels, height, width, copy);
    }

    /** An image of the given size filled with {@code value}. */
    public static Image filled(int channels, int height, int width, double value) {
        double[] s = new double[channels * height * width];
        Arrays.fill(s, value);
        return new Image(channels, height, width, s);
    }

    /** Image whose sample at (c, y, x) is {@code f.at(c, y, x)}. */
    public static Image generate(int channels, int height, int width, SampleFunction f) {
        double[] s = new double[channels * height * width];
        int i = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    s[i++] = f.at(c, y, x);
                }
            }
        }
        return new Image(channels, height, width, s);
    }

    /** A sample as a function of its position; used by {@link #generate}. */
    @FunctionalInterface
    public interface SampleFunction {
        double at(int channel, int y, int x);
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

    /** Number of samples, channels × height × width. */
    public int size() {
        return samples.length;
    }

    public double get(int channel, int y, int x) {
        return samples[(channel * height + y) * width + x];
    }

    /** A copy of the samples in CHW order. */
    public double[] toArray() {
        return samples.clone();
    }

    /** The samples as float, CHW order (what the network consumes). */
    public float[] toFloatArray() {
        float[] f = new float[samples.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) samples[i];
        }
        return f;
    }

    /** True when both images have the same channels, height and width. */
    public boolean sameShape(Image other) {
        return channels == other.channels && height == other.height && width == other.width;
    }

    /** "C×H×W", for messages. */
    public String shape() {
        return channels + "×" + height + "×" + width;
    }

    public Image map(DoubleUnaryOperator f) {
        double[] s = new double[samples.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = f.applyAsDouble(samples[i]);
        }
        return new Image(channels, height, width, s);
    }

    /** Every sample clipped to [0, 1]. */
    public Image clip01() {
        return map(v -> Math.min(1.0, Math.max(0.0, v)));
    }

    /** The rectangle of {@code h × w} pixels whose top-left corner is (top, left). */
    public Image crop(int top, int left, int h, int w) {
        if (top < 0 || left < 0 || h <= 0 || w <= 0 || top + h > height || left + w > width) {
            throw new IllegalArgumentException("crop %d×%d at (%d, %d) does not fit in %d×%d"
                    .formatted(h, w, top, left, height, width));
        }
        double[] s = new double[channels * h * w];
        int i = 0;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(samples, (c * height + top + y) * width + left, s, i, w);
                i += w;
            }
        }
        return new Image(channels, h, w, s);
    }

    /** The centred {@code h × w} crop, offsets rounded down as the reference's crop box does. */
    public Image centreCrop(int h, int w) {
        return crop((height - h) / 2, (width - w) / 2, h, w);
    }

    /**
     * Crops both sides down to multiples of {@code d}, centred, exactly as the reference's
     * {@code crop_image} does; an image already of that shape is returned unchanged.
     */
    public Image cropToMultipleOf(int d) {
        int h = height - height % d;
        int w = width - width % d;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException(
                    "image %d×%d is smaller than the required multiple %d".formatted(height, width, d));
        }
        if (h == height && w == width) {
            return this;
        }
        // PIL crop box (int((W-W')/2), int((H-H')/2), ...): floor of half the excess.
        return crop((height - h) / 2, (width - w) / 2, h, w);
    }

    /** One channel as a 1×H×W image. */
    public Image channel(int c) {
        double[] s = Arrays.copyOfRange(samples, c * height * width, (c + 1) * height * width);
        return new Image(1, height, width, s);
    }

    /** A 1-channel image repeated to {@code n} channels; an n-channel image unchanged. */
    public Image expandChannels(int n) {
        if (channels == n) {
            return this;
        }
        if (channels != 1) {
            throw new IllegalArgumentException("cannot expand " + channels + " channels to " + n);
        }
        double[] s = new double[n * height * width];
        for (int c = 0; c < n; c++) {
            System.arraycopy(samples, 0, s, c * height * width, height * width);
        }
        return new Image(n, height, width, s);
    }

    /** Sample-wise {@code a·this + b·other}. */
    public Image combine(double a, Image other, double b) {
        requireSameShape(other);
        double[] s = new double[samples.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = a * samples[i] + b * other.samples[i];
        }
        return new Image(channels, height, width, s);
    }

    /** Sample-wise product with a mask of one channel (broadcast) or of the same channels. */
    public Image multiply(Image mask) {
        if (mask.height != height || mask.width != width || (mask.channels != 1 && mask.channels != channels)) {
            throw new IllegalArgumentException("mask " + mask.shape() + " does not fit image " + shape());
        }
        double[] s = new double[samples.length];
        int plane = height * width;
        for (int i = 0; i < s.length; i++) {
            int m = mask.channels == 1 ? i % plane : i;
            s[i] = samples[i] * mask.samples[m];
        }
        return new Image(channels, height, width, s);
    }

    void requireSameShape(Image other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("images differ in shape: " + shape() + " vs " + other.shape());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && sameShape(other) && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + channels * 7 + height * 3 + width;
    }

    @Override
    public String toString() {
        return "Image[" + shape() + "]";
    }
}
