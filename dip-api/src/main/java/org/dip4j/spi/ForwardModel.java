package org.dip4j.spi;

import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The degradation inside the graph: maps the network output to the space of the observation,
 * for example a fixed downsampler for super-resolution. It must be differentiable.
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface ForwardModel {
    SDVariable degrade(SameDiff sameDiff, SDVariable output);

    /** The identity: the observation lives in the output's space (denoising, inpainting). */
    static ForwardModel identity() {
        return (sd, output) -> output;
    }
}
