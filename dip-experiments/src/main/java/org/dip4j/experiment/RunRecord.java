package org.dip4j.experiment;

import java.io.Serializable;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one run of an experiment produced: its final metrics and status, as read back from its
 * run folder's {@code summary.json}.
 *
 * @param id         the {@link RunSpec#id()}
 * @param status     how the run ended
 * @param iterations iterations done
 * @param seconds    optimisation wall time
 * @param metrics    final metric values by id; NaN where a metric does not apply
 * @param error      the failure's one-line message when {@code status} is {@link Status#FAILED}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunRecord(String id, Status status, int iterations, double seconds, Map<String, Double> metrics,
        @Nullable String error) implements Serializable {

    public enum Status {
        /** Ran to its last iteration (or to its early stop) in this execution. */
        FINISHED,
        /** Found finished in its folder from an earlier execution, so not run again. */
        ALREADY_DONE,
        /** Stopped before its end (Ctrl-C); runs again when the experiment is restarted. */
        INTERRUPTED,
        /** Failed with an error; the rest of the grid continues. */
        FAILED
    }

    public RunRecord {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public static RunRecord failed(String id, String error) {
        return new RunRecord(id, Status.FAILED, 0, 0, Map.of(), error);
    }
}
