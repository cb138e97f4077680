package org.dip4j.api;

/**
 * One discovered plugin, as {@code dip plugins} lists it.
 *
 * @param kind task, loss, architecture or metric
 * @param id its stable id
 * @param version its version
 * @param description one line about it
 * @param source the jar or directory its class was loaded from
 * @param className its implementation class
 */
public record PluginInfo(PluginKind kind, String id, String version, String description, String source,
        String className) {}
