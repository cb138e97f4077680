package org.dip4j.tasks.inpaint;

import com.typesafe.config.Config;
import java.nio.file.Path;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.spi.Problem;
import org.dip4j.spi.Task;
import org.dip4j.spi.TaskContext;

/**
 * {@code inpaint}: fills in the missing pixels of {@code image}. The image file is the clean
 * image and so also the ground truth; the mask (1 = known) hides part of it from the loss. The
 * observation keeps the clean values everywhere because every loss here masks before it
 * compares; the corrupted input a user would see is saved as {@code masked.png}.
 *
 * <p>Settings ({@code dip.tasks.inpaint}): {@code image}; exactly one mask source of
 * {@code mask} (a file), {@code drop} (random fraction) or {@code text}; {@code crop-multiple}
 * and {@code crop-size}, applied to image and mask alike.
 */
public final class InpaintingTask implements Task {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InpaintingTask.class);
    static final String KEY = "dip.tasks.inpaint.";

    @Override
    public String id() {
        return "inpaint";
    }

    @Override
    public String description() {
        return "inpainting: restore the pixels a mask (file, random drop-out or text) hides";
    }

    @Override
    public Problem prepare(TaskContext context) {
        Config settings = context.settings();
        String imageSetting = settings.getString("image");
        if (imageSetting.isBlank()) {
            throw new InvalidInputException("set " + KEY + "image to the clean image file to inpaint");
        }
        Path imageFile = context.resolve(imageSetting);
        Image image = context.readRgb(imageSetting);
        MaskSource source = MaskSource.from(settings);
        Image mask = source.create(context, imageFile, image);

        InpaintingCrop crop = InpaintingCrop.from(settings);
        image = crop.apply(image, imageSetting);
        mask = crop.apply(mask, "the mask");
        requireKnownPixels(mask, source);

        return Problem.builder(image)
                .groundTruth(image)
                .mask(mask)
                .saveInput("masked.png", image.multiply(mask))
                .saveInput("mask.png", mask)
                .build();
    }

    private static void requireKnownPixels(Image mask, MaskSource source) {
        double known = 0;
        for (double v : mask.toArray()) {
            known += v;
        }
        if (known == 0) {
            throw new InvalidInputException("the mask from " + source.describe()
                    + " leaves no known pixel (after cropping); white pixels mark the known part");
        }
        if (known == mask.height() * mask.width()) {
            LOG.warn("the mask from {} hides no pixel (after cropping): there is nothing to fill;"
                    + " black pixels mark the missing part", source.describe());
        }
    }
}
