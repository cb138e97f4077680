package org.dip4j.losses.blend;

import java.util.Arrays;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every blending term reads from its {@link LossGraph}: the blend F (the prediction), the foreground A, the
 * background B, the annealed map α_t, and the image size taken from B (a constant, so its shape
 * is known when the graph is built).
 */
final class BlendInputs {
    final LossGraph graph;
    final SameDiff sd;
    final SDVariable output;
    final SDVariable foreground;
    final SDVariable background;
    final SDVariable alphaT;
    final int channels;
    final int height;
    final int width;
    final DataType dataType;

    private BlendInputs(LossGraph graph) {
        this.graph = graph;
        this.sd = graph.sameDiff();
        // The task's forward model turns the network output into the blend (identity for the
        // report's formulation); the terms judge that final image.
        this.output = graph.prediction();
        this.foreground = graph.auxiliary(AuxiliaryImages.FOREGROUND);
        this.background = graph.auxiliary(AuxiliaryImages.BACKGROUND);
        long[] shape = shapeOf(background, AuxiliaryImages.BACKGROUND);
        if (shape.length != 4 || shape[0] != 1) {
            throw new IllegalArgumentException("blending expects 1×C×H×W images, bg is " + Arrays.toString(shape));
        }
        this.channels = (int) shape[1];
        this.height = (int) shape[2];
        this.width = (int) shape[3];
        if (height < 2 || width < 2) {
            throw new IllegalArgumentException("blending needs images of at least 2×2 pixels");
        }
        this.dataType = output.dataType();
        this.alphaT = AnnealedAlpha.define(graph, graph.auxiliary(AuxiliaryImages.ALPHA).castTo(dataType),
                graph.settings().getDouble(AnnealedAlpha.SCALE_KEY),
                graph.settings().getDouble(AnnealedAlpha.POWER_KEY));
    }

    static BlendInputs of(LossGraph graph) {
        return new BlendInputs(graph);
    }

    /** The value of a constant auxiliary (B for the structure tensor), or a clear error. */
    static INDArray valueOf(SDVariable variable, String name) {
        INDArray arr = variable.getArr();
        if (arr == null) {
            throw new IllegalStateException("the blending loss needs the values of '" + name
                    + "' when the graph is built; give it to the graph as a constant, not a placeholder");
        }
        return arr;
    }

    private static long[] shapeOf(SDVariable variable, String name) {
        long[] shape = variable.getShape();
        if (shape != null && Arrays.stream(shape).allMatch(d -> d > 0)) {
            return shape;
        }
        return valueOf(variable, name).shape();
    }

    /** A constant of this graph's data type, named within the term's scope. */
    SDVariable constant(String suffix, INDArray value) {
        return sd.constant(graph.name(suffix), value.castTo(dataType));
    }
}
