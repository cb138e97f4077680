package org.dip4j.spi;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;

/**
 * What a task gets to prepare its problem.
 *
 * <p>An input setting names a file, or, when a run is started from the embedding API with an
 * image in memory, {@code memory:<name>}; tasks read their inputs with {@link #readRgb} and
 * {@link #readMask}, which understand both.
 *
 * @param settings the task's own configuration subtree, {@code dip.tasks.<id>}
 * @param seed the run's seed; tasks derive their random streams (synthetic noise, random masks) from it
 * @param baseDirectory the directory relative input paths are resolved against
 * @param images the in-memory inputs by name ({@code memory:<name>} in a setting refers to one)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TaskContext(Config settings, long seed, Path baseDirectory, Map<String, Image> images) {
    /** How a setting names an in-memory input: {@code memory:<name>}. */
    public static final String MEMORY = "memory:";

    public TaskContext {
        images = Map.copyOf(images);
    }

    /** A context without in-memory inputs. */
    public TaskContext(Config settings, long seed, Path baseDirectory) {
        this(settings, seed, baseDirectory, Map.of());
    }

    /** {@code path} resolved against {@link #baseDirectory()}. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }

    /** The image a setting names, as 3-channel RGB: an in-memory input, or a file read with {@link Images#readRgb}. */
    public Image readRgb(String setting) {
        if (setting.startsWith(MEMORY)) {
            Image image = memory(setting);
            if (image.channels() == 3) {
                return image;
            }
            if (image.channels() == 1) {
                return Image.generate(3, image.height(), image.width(), (c, y, x) -> image.get(0, y, x));
            }
            throw new InvalidInputException(setting + " has " + image.channels() + " channels; give 1 or 3");
        }
        return Images.readRgb(resolve(setting));
    }

    /** The mask a setting names, as 0 and 1 by the rule of {@link Images#readMask}. */
    public Image readMask(String setting) {
        return setting.startsWith(MEMORY) ? Images.mask(memory(setting)) : Images.readMask(resolve(setting));
    }

    private Image memory(String setting) {
        Image image = images.get(setting.substring(MEMORY.length()));
        if (image == null) {
            throw new InvalidInputException(setting + " names an in-memory image, but the run has none of that name"
                    + " (in-memory inputs exist only in the run that was given them; name a file instead)");
        }
        return image;
    }
}
