package org.dip4j.tasks.inpaint;

import com.typesafe.config.Config;
import org.dip4j.api.Image;
import org.dip4j.api.InvalidInputException;

/**
 * The crops applied to image and mask alike: first to multiples of {@code crop-multiple} (the
 * reference's {@code dim_div_by}, so every level of the network halves evenly), then, when
 * {@code crop-size} is positive, the centred square of that size for reduced runs.
 */
record InpaintingCrop(int multiple, int size) {
    InpaintingCrop {
        if (multiple < 1) {
            throw new InvalidInputException(InpaintingTask.KEY + "crop-multiple must be at least 1, got " + multiple);
        }
        if (size < 0) {
            throw new InvalidInputException(InpaintingTask.KEY + "crop-size must be 0 (off) or positive, got " + size);
        }
        if (size % multiple != 0) {
            throw new InvalidInputException("%scrop-size %d must be a multiple of %scrop-multiple %d".formatted(
                    InpaintingTask.KEY, size, InpaintingTask.KEY, multiple));
        }
    }

    static InpaintingCrop from(Config settings) {
        return new InpaintingCrop(settings.getInt("crop-multiple"), settings.getInt("crop-size"));
    }

    Image apply(Image image) {
        Image out;
        try {
            out = image.cropToMultipleOf(multiple);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(InpaintingTask.KEY + "crop-multiple: " + e.getMessage(), e);
        }
        if (size == 0) {
            return out;
        }
        if (size > out.height() || size > out.width()) {
            throw new InvalidInputException("%scrop-size %d is larger than the %d×%d image".formatted(
                    InpaintingTask.KEY, size, out.width(), out.height()));
        }
        return out.centreCrop(size, size);
    }
}
