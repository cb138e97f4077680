package org.dip4j.api;

import java.awt.image.BufferedImage;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading and writing images, and moving them in and out of ND4J arrays.
 *
 * <p>Conventions follow the reference and the golden values: 8-bit samples divided by 255,
 * greyscale replicated to RGB, masks thresholded at {@code > 127}, and output samples quantised
 * with {@code rint(clip(x·255))}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Images {
    private static final Logger LOG = LoggerFactory.getLogger(Images.class);

    private Images() {}

    /**
     * Reads an image file as 3-channel RGB in [0, 1]; greyscale is replicated, alpha dropped (with
     * one warning when some pixel is not opaque). Samples of 16-bit files keep their precision
     * ({@code v / 65535}); like Pillow, no colour or gamma conversion is applied.
     */
    public static Image readRgb(Path file) {
        return fromBufferedImage(decode(file), file.toString());
    }

    /**
     * An in-memory image as 3-channel RGB in [0, 1], with the conventions of {@link #readRgb}:
     * 8- and 16-bit samples keep their precision, greyscale is replicated, alpha dropped.
     */
    public static Image fromBufferedImage(BufferedImage img) {
        return fromBufferedImage(img, "an in-memory image");
    }

    private static Image fromBufferedImage(BufferedImage img, String source) {
        int h = img.getHeight();
        int w = img.getWidth();
        double[] s = new double[3 * h * w];
        Raster raster = img.getRaster();
        ColorModel cm = img.getColorModel();
        // Raw samples whenever the colour model is plain grey or RGB components: ImageIO's getRGB
        // would convert 16-bit greyscale from linear to sRGB (32 → 99) and rounds 16-bit colour.
        boolean raw = cm instanceof ComponentColorModel
                && (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                        || cm.getColorSpace().getType() == ColorSpace.TYPE_RGB);
        int colourBands = raw ? cm.getNumColorComponents() : 0;
        double[] max = new double[raster.getNumBands()];
        for (int b = 0; b < max.length && raw; b++) {
            max[b] = (1L << cm.getComponentSize(b)) - 1;
        }
        int[] px = new int[raster.getNumBands()];
        boolean transparent = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r;
                double g;
                double b;
                if (raw) {
                    raster.getPixel(x, y, px);
                    r = px[0] / max[0];
                    g = colourBands >= 3 ? px[1] / max[1] : r;
                    b = colourBands >= 3 ? px[2] / max[2] : r;
                    transparent |= cm.hasAlpha() && px[colourBands] < max[colourBands];
                } else {
                    int argb = img.getRGB(x, y);
                    r = ((argb >> 16) & 0xff) / 255.0;
                    g = ((argb >> 8) & 0xff) / 255.0;
                    b = (argb & 0xff) / 255.0;
                    transparent |= (argb >>> 24) < 255;
                }
                int i = y * w + x;
                s[i] = r;
                s[h * w + i] = g;
                s[2 * h * w + i] = b;
            }
        }
        if (transparent) {
            LOG.warn("{}: transparency ignored (the colours are used as stored, without the alpha channel)",
                    source);
        }
        return Image.of(3, h, w, s);
    }

    /**
     * Reads a mask file (8-bit or 1-bit greyscale, or RGB) as a 1×H×W image of 0 and 1: a pixel
     * is 1 when its luma (ITU-R 601, as Pillow's {@code convert('L')}) is above 127.
     */
    public static Image readMask(Path file) {
        return mask(readRgb(file));
    }

    /**
     * A mask of 0 and 1 from an image, by the rule of {@link #readMask}: a pixel is 1 when its
     * 8-bit luma is above 127 (a 1-channel image's sample is its luma).
     */
    public static Image mask(Image image) {
        if (image.channels() != 1 && image.channels() != 3) {
            throw new InvalidInputException("a mask needs 1 or 3 channels, got " + image.shape());
        }
        Image rgb = image.channels() == 3 ? image
                : Image.generate(3, image.height(), image.width(), (c, y, x) -> image.get(0, y, x));
        int h = rgb.height();
        int w = rgb.width();
        return Image.generate(1, h, w, (c, y, x) -> {
            // Pillow: L = (R*299 + G*587 + B*114) / 1000, integer arithmetic on 0..255.
            long r = Math.round(rgb.get(0, y, x) * 255);
            long g = Math.round(rgb.get(1, y, x) * 255);
            long b = Math.round(rgb.get(2, y, x) * 255);
            long luma = (r * 299 + g * 587 + b * 114) / 1000;
            return luma > 127 ? 1.0 : 0.0;
        });
    }

    /** Writes an 8-bit PNG: 1-channel images as greyscale, 3-channel as RGB. */
    public static void writePng(Image image, Path file) {
        BufferedImage out = toBufferedImage(image);
        OutputPaths.checkFile(file);
        // Through a stream: ImageIO.write(…, File) deletes what is at the path first, even a folder.
        try (var stream = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            if (!ImageIO.write(out, "png", stream)) {
                throw new DipException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + OutputPaths.reason(e), e);
        }
    }

    /**
     * The image as an 8-bit {@code BufferedImage} ({@code TYPE_BYTE_GRAY} for 1 channel,
     * {@code TYPE_3BYTE_BGR} for 3), quantised as {@link #writePng} does.
     */
    public static BufferedImage toBufferedImage(Image image) {
        int h = image.height();
        int w = image.width();
        int type = image.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        if (image.channels() != 1 && image.channels() != 3) {
            throw new IllegalArgumentException("can only write 1- or 3-channel images, got " + image.shape());
        }
        BufferedImage out = new BufferedImage(w, h, type);
        WritableRaster raster = out.getRaster();
        int[] px = new int[image.channels()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < px.length; c++) {
                    px[c] = quantise(image.get(c, y, x));
                }
                raster.setPixel(x, y, px);
            }
        }
        return out;
    }

    /** {@code rint(clip(v·255, 0, 255))}: the golden values' 8-bit quantisation. */
    public static int quantise(double v) {
        return (int) Math.rint(Math.min(255.0, Math.max(0.0, v * 255.0)));
    }

    /** The image with every sample quantised to 8 bits and back, as a PNG round trip does. */
    public static Image quantised(Image image) {
        return image.map(v -> quantise(v) / 255.0);
    }

    /** The image as a 1×C×H×W array of the given type. */
    public static INDArray toArray(Image image, DataType type) {
        INDArray a = Nd4j.createFromArray(image.toArray()).castTo(type);
        return a.reshape('c', 1, image.channels(), image.height(), image.width());
    }

    /** A 1×C×H×W (or C×H×W) array as an image. */
    public static Image fromArray(INDArray array) {
        long[] s = array.shape();
        int n = s.length;
        if (n < 3 || (n == 4 && s[0] != 1)) {
            throw new IllegalArgumentException("expected 1×C×H×W, got " + java.util.Arrays.toString(s));
        }
        INDArray flat = array.castTo(DataType.DOUBLE).dup('c').reshape(-1);
        return Image.of((int) s[n - 3], (int) s[n - 2], (int) s[n - 1], flat.toDoubleVector());
    }

    private static BufferedImage decode(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file + " is a folder, not an image file (name a PNG or JPEG file in it)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("image file not found: " + file.toAbsolutePath()
                    + " (check the path; relative paths are resolved from the working directory)");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new InvalidInputException("unsupported image format: " + file
                    + " (dip4j reads PNG, JPEG, BMP and GIF)");
        }
        return img;
    }
}
