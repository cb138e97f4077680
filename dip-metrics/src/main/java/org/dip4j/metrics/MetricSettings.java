package org.dip4j.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apiguardian.api.API;

/**
 * A metric's settings with the defaults of {@code reference.conf} under them, so metrics called
 * with empty settings (for example through {@code MetricInputs.compare}) still see every key.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MetricSettings {
    private MetricSettings() {}

    /** {@code given} over {@code dip.metrics.<id>} of the reference configuration. */
    public static Config withDefaults(Config given, String metricId) {
        Config reference = ConfigFactory.defaultReference(MetricSettings.class.getClassLoader());
        String path = "dip.metrics." + metricId;
        return reference.hasPath(path) ? given.withFallback(reference.getConfig(path)) : given;
    }
}
