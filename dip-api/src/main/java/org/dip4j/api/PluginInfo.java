package org.dip4j.api;

import org.apiguardian.api.API;

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
@API(status = API.Status.STABLE, since = "0.1")
public record PluginInfo(PluginKind kind, String id, String version, String description, String source,
        String className) {}
