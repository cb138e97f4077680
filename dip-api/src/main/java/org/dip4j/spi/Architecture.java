package org.dip4j.spi;

import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * A generator network f_θ(z): builds its layers into the graph and returns the output variable,
 * 1×C_out×H×W. Trainable parameters are SameDiff variables initialised from
 * {@link NetworkGraph#random()}, so a seed fixes them.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Architecture extends Plugin {
    SDVariable define(NetworkGraph graph);

    /**
     * The number of trainable parameters the network has with these settings, without building
     * it; empty when the architecture cannot tell.
     */
    default OptionalLong parameterCount(NetworkGraph graph) {
        return OptionalLong.empty();
    }

    /**
     * The smallest output side length, in pixels, the network can be built for with these
     * settings ({@code dip.architectures.<id>}); runs on smaller images are refused with it.
     */
    default int minimumSize(com.typesafe.config.Config settings) {
        return 1;
    }
}
