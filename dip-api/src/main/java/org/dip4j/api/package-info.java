/**
 * The caller-facing part of dip4j: images, errors and the plugin registry.
 *
 * <p>Plugin authors implement the interfaces in {@link org.dip4j.spi}; users of the toolkit
 * mostly meet {@link org.dip4j.api.Image}, {@link org.dip4j.api.Images} and
 * {@link org.dip4j.api.PluginRegistry}.
 */
@NullMarked
package org.dip4j.api;

import org.jspecify.annotations.NullMarked;
