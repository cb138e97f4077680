package org.dip4j.tasks.inpaint;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.TaskContext;

/** Where the known-pixel mask comes from: exactly one of a file, a random drop-out or text. */
sealed interface MaskSource {
    /** The 1×H×W mask (1 = known) for {@code image}, before any cropping. */
    Image create(TaskContext context, Path imageFile, Image image);

    /** For messages: the setting that chose this source. */
    String describe();

    /** Reads the source from the task settings; none or several set is an error naming the keys. */
    static MaskSource from(Config settings) {
        String file = settings.getString("mask");
        double drop = settings.getDouble("drop");
        String text = settings.getString("text");
        List<String> chosen = new ArrayList<>();
        if (!file.isBlank()) {
            chosen.add("mask = \"" + file + "\"");
        }
        if (drop != 0) {
            chosen.add("drop = " + drop);
        }
        if (!text.isBlank()) {
            chosen.add("text = \"" + text + "\"");
        }
        if (chosen.size() != 1) {
            String k = InpaintingTask.KEY;
            throw new InvalidInputException(("set exactly one of %smask (a mask file, white = known), %sdrop"
                    + " (a fraction of pixels to drop at random) or %stext (text to hide); got %s").formatted(
                    k, k, k, chosen.isEmpty() ? "none (drop = 0 means no drop)" : String.join(", ", chosen)));
        }
        if (!file.isBlank()) {
            return new FromFile(file);
        }
        if (drop != 0) {
            return new RandomDrop(drop);
        }
        return new Text(text, settings.getInt("text-size"));
    }

    /** A mask image: any 8-bit or 1-bit greyscale or RGB file, thresholded by {@link Images#readMask}. */
    record FromFile(String path) implements MaskSource {
        @Override
        public Image create(TaskContext context, Path imageFile, Image image) {
            Path maskFile = context.resolve(path);
            Image mask = context.readMask(path);
            if (mask.height() != image.height() || mask.width() != image.width()) {
                throw new InvalidInputException("mask %s is %d×%d but image %s is %d×%d; they must be the same size"
                        .formatted(maskFile, mask.width(), mask.height(), imageFile, image.width(), image.height()));
            }
            return mask;
        }

        @Override
        public String describe() {
            return InpaintingTask.KEY + "mask = " + path;
        }
    }

    /** Drops each pixel independently with probability {@code fraction}, from the run's seed. */
    record RandomDrop(double fraction) implements MaskSource {
        public RandomDrop {
            if (!(fraction > 0 && fraction < 1)) {
                throw new InvalidInputException(InpaintingTask.KEY + "drop must be a fraction between 0 and 1"
                        + " (exclusive), got " + fraction);
            }
        }

        @Override
        public Image create(TaskContext context, Path imageFile, Image image) {
            return RandomDropMask.create(image.height(), image.width(), fraction, context.seed());
        }

        @Override
        public String describe() {
            return InpaintingTask.KEY + "drop = " + fraction;
        }
    }

    /** Text drawn in black over the image, tiled (see {@link TextMask}). */
    record Text(String text, int size) implements MaskSource {
        public Text {
            if (size <= 0) {
                throw new InvalidInputException(InpaintingTask.KEY + "text-size must be a positive font size in"
                        + " pixels, got " + size);
            }
        }

        @Override
        public Image create(TaskContext context, Path imageFile, Image image) {
            return TextMask.create(image.height(), image.width(), text, size);
        }

        @Override
        public String describe() {
            return InpaintingTask.KEY + "text = \"" + text + "\"";
        }
    }
}
