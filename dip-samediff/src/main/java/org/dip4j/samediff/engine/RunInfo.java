package org.dip4j.samediff.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dip4j.spi.Problem;

/**
 * What a starting run is about.
 *
 * @param settings the engine settings
 * @param problem the prepared problem
 * @param parameterCount trainable parameters of the network
 * @param lossWeights the loss terms in use
 * @param metricIds the metrics logged
 * @param backend the ND4J backend and its native variant
 * @param baseDirectory where the run's relative input paths are resolved
 */
public record RunInfo(RunSettings settings, Problem problem, long parameterCount, Map<String, Double> lossWeights,
        List<String> metricIds, String backend, Path baseDirectory) {}
