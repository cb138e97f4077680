package org.dip4j.experiment;

import java.io.Serializable;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One planned run of an experiment, self-contained so it can travel to another JVM.
 *
 * @param id               unique within the experiment; also the name of the run's folder
 * @param coordinates      where the run sits in the grid, axis name to variant name, in axis
 *                         order (for example {@code method=multiscale, image=kate, seed=0})
 * @param config           the run's complete resolved configuration as HOCON text
 *                         ({@code Configs.render} of the resolved config)
 * @param workingDirectory absolute path that relative file names in {@code config} are resolved
 *                         against (the directory the experiment was started from)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunSpec(String id, Map<String, String> coordinates, String config, String workingDirectory)
        implements Serializable {
    public RunSpec {
        if (id.isBlank() || id.contains("/") || id.contains("\\")) {
            throw new IllegalArgumentException("a run id must be a non-empty folder name: '" + id + "'");
        }
        coordinates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
    }
}
