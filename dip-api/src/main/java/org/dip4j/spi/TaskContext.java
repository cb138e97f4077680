package org.dip4j.spi;

import com.typesafe.config.Config;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * What a task gets to prepare its problem.
 *
 * @param settings the task's own configuration subtree, {@code dip.tasks.<id>}
 * @param seed the run's seed; tasks derive their random streams (synthetic noise, random masks) from it
 * @param baseDirectory the directory relative input paths are resolved against
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TaskContext(Config settings, long seed, Path baseDirectory) {
    /** {@code path} resolved against {@link #baseDirectory()}. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
