package org.dip4j.api.run;

import org.apiguardian.api.API;

/**
 * What runs a restoration: found with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.dip4j.api.run.RunEngine} ({@code dip-samediff} registers the
 * SameDiff engine). Applications use {@link Dip}; engines implement this.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RunEngine {
    /**
     * Runs {@code request} on the calling thread until its last iteration or until its cancel
     * flag is set (then after the current iteration), and returns the result.
     *
     * @throws java.util.concurrent.CancellationException when cancelled before the first iteration
     */
    DipResult run(RunRequest request);
}
