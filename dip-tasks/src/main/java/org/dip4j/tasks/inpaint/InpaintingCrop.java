package org.dip4j.tasks.inpaint;

import com.typesafe.config.Config;
import org.dip4j.api.Image;
import org.dip4j.tasks.Crops;

/**
 * The crops applied to image and mask alike: first to multiples of {@code crop-multiple} (the
 * reference's {@code dim_div_by}, so every level of the network halves evenly), then, when
 * {@code crop-size} is positive, the centred square of that size for reduced runs.
 */
record InpaintingCrop(int multiple, int size) {
    InpaintingCrop {
        Crops.check(InpaintingTask.KEY, size, multiple);
    }

    static InpaintingCrop from(Config settings) {
        return new InpaintingCrop(settings.getInt("crop-multiple"), settings.getInt("crop-size"));
    }

    Image apply(Image image, String what) {
        return Crops.centre(InpaintingTask.KEY, what, Crops.toMultiple(InpaintingTask.KEY, what, image, multiple), size);
    }
}
