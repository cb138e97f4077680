package org.dip4j.spi;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What every plugin has: a stable id that selects it in configuration. Implementations need a
 * public no-argument constructor (ServiceLoader builds them) and must be cheap to construct:
 * discovery instantiates every plugin on the classpath.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Plugin {
    /** The rule every {@link #id()} follows; the registry skips a plugin whose id breaks it. */
    Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9_-]*");

    /**
     * The stable id: lower-case letters, digits, '-' and '_', starting with a letter, for example
     * {@code mse} or {@code psnr_gt}. Its settings live under {@code dip.<kind>.<id>}.
     */
    String id();

    /**
     * The plugin's version; by default the {@code Implementation-Version} of its jar's manifest,
     * else the version in the jar's Maven metadata ({@code pom.properties}), else "unversioned".
     */
    default String version() {
        String v = getClass().getPackage().getImplementationVersion();
        return v != null ? v : org.dip4j.api.JarVersions.of(getClass()).orElse("unversioned");
    }

    /** One line saying what the plugin does, for {@code dip plugins}. */
    default String description() {
        return "";
    }
}
