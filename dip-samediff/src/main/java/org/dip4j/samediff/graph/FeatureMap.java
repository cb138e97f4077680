package org.dip4j.samediff.graph;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A 1×C×H×W variable with its shape known on the Java side: SameDiff's slices need explicit
 * indices (negative ones throw in M2.1), so padding and cropping need the static shape.
 */
public record FeatureMap(SDVariable variable, int channels, int height, int width) {}
