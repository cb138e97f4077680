/**
 * The extension points of dip4j, found at start-up with {@link java.util.ServiceLoader}.
 *
 * <p>A plugin implements one of {@link org.dip4j.spi.Task}, {@link org.dip4j.spi.Loss},
 * {@link org.dip4j.spi.Architecture} or {@link org.dip4j.spi.Metric}, lists its class in
 * {@code META-INF/services/<interface name>}, and ships its defaults in a {@code reference.conf}
 * under {@code dip.<kind>.<id>} (kinds: {@code tasks}, {@code losses}, {@code architectures},
 * {@code metrics}). Dropping the jar on the classpath is all it takes; the id selects it in a
 * run's configuration.
 */
@NullMarked
package org.dip4j.spi;

import org.jspecify.annotations.NullMarked;
