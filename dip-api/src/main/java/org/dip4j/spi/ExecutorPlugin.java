package org.dip4j.spi;

import org.apiguardian.api.API;

/**
 * The fifth kind of plugin: an engine that executes many runs (an experiment grid, a batch of
 * images), selected with {@code --engine ID}: {@code local} (one run after another in this JVM)
 * and {@code spark} come with dip4j. The runs' types live in dip-experiments, so an engine
 * implements {@code org.dip4j.experiment.ExecutorProvider}, which extends this interface, and
 * is registered in {@code META-INF/services/org.dip4j.spi.ExecutorPlugin}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ExecutorPlugin extends Plugin {}
