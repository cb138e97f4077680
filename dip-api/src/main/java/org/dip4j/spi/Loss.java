package org.dip4j.spi;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A differentiable loss term, built into the SameDiff graph once per run. The engine sums the
 * terms named in the task's {@code losses} block, each times its weight.
 *
 * <p>Write terms from basic ops ({@code sub}, {@code mul}, {@code square}, {@code mean}, ...):
 * SameDiff 1.0.0-M2.1's built-in {@code sd.loss()} ops ignore the upstream gradient, so a
 * weighted sum of them would train wrongly without an error. The testkit's gradient check
 * catches such mistakes.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Loss extends Plugin {
    /** Returns a scalar variable; its settings are {@link LossGraph#settings()}. */
    SDVariable define(LossGraph graph);
}
