package org.dip4j.spi;

import com.typesafe.config.Config;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What an {@link Architecture} builds from.
 *
 * @param sameDiff the graph
 * @param input the network input z (after perturbation), 1×C_in×H×W
 * @param inputChannels C_in
 * @param outputChannels C_out, the image's channels
 * @param settings the architecture's settings, {@code dip.architectures.<id>}
 * @param random the stream parameter initialisation draws from
 * @param dataType float for runs, double for gradient checks
 */
@API(status = API.Status.STABLE, since = "0.1")
public record NetworkGraph(
        SameDiff sameDiff,
        SDVariable input,
        int inputChannels,
        int outputChannels,
        Config settings,
        RandomGenerator random,
        DataType dataType) {}
