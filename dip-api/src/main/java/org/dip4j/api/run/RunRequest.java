package org.dip4j.api.run;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.dip4j.api.Image;
import org.dip4j.api.PluginRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One run as an engine receives it from {@link DipRun}.
 *
 * @param config the effective configuration (resolved over every {@code reference.conf})
 * @param registry the plugins
 * @param baseDirectory where relative input paths are resolved
 * @param images in-memory inputs, named by {@code memory:<name>} settings
 * @param runFolder where to write the run folder, or null for none
 * @param folder what to do with a run already in {@code runFolder}
 * @param listeners progress listeners, called in order
 * @param cancel set to stop after the current iteration
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunRequest(Config config, PluginRegistry registry, Path baseDirectory, Map<String, Image> images,
        @Nullable Path runFolder, FolderMode folder, List<ProgressListener> listeners, AtomicBoolean cancel) {
    public RunRequest {
        images = Map.copyOf(images);
        listeners = List.copyOf(listeners);
    }

    /** What to do with a run already in the run folder. */
    public enum FolderMode {
        /** Refuse it (a clear error naming the folder). */
        REFUSE,
        /** Delete what the old run wrote first. */
        REPLACE,
        /** Continue it from its checkpoint ({@code checkpoint.zip}); without one, start in it afresh. */
        RESUME
    }
}
