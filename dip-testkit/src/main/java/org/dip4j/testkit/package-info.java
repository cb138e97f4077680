/**
 * Contract tests for dip4j plugins. A plugin author extends {@link org.dip4j.testkit.LossContractTests},
 * {@link org.dip4j.testkit.MetricContractTests} or {@link org.dip4j.testkit.TaskContractTests} in
 * the plugin's test sources, names the plugin, and gets the checks every plugin of that kind must
 * pass: a well-formed id, registration as a service, settings in its {@code reference.conf}, and
 * the kind's own properties (for losses, gradients that match finite differences).
 */
@NullMarked
package org.dip4j.testkit;

import org.jspecify.annotations.NullMarked;
