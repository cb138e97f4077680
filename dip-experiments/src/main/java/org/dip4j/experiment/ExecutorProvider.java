package org.dip4j.experiment;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.dip4j.api.PluginRegistry;
import org.dip4j.api.run.ProgressListener;
import org.dip4j.spi.ExecutorPlugin;
import org.jspecify.annotations.Nullable;

/**
 * An execution engine for experiment grids and batches, a plugin of kind
 * {@link org.dip4j.api.PluginKind#EXECUTOR} registered under
 * {@code META-INF/services/org.dip4j.spi.ExecutorPlugin}: {@code local} here, {@code spark} in
 * {@code dip-spark}. The CLI picks one with {@code --engine ID}; {@code dip plugins} lists them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ExecutorProvider extends ExecutorPlugin {

    /** An executor for one experiment. */
    RunExecutor create(Options options);

    /**
     * What an engine may use.
     *
     * @param master   the cluster to run on ({@code --master}), or null for the engine's default
     * @param registry the plugins of the driver (an engine running elsewhere ships their jars)
     * @param observer progress of runs executed in this JVM
     * @param stop     set on Ctrl-C
     */
    record Options(@Nullable String master, PluginRegistry registry, ProgressListener observer, AtomicBoolean stop) {}
}
