package org.dip4j.samediff.plan;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * An op of the graph that only the plan executor runs, with a kernel of its own (in Java, or a
 * few native calls on views). Graphs built for the plan use such ops where SameDiff M2.1 has no
 * native op, or a slow one; graphs for SameDiff's executor never contain them.
 */
public interface PlanKernel {
    /** The output shapes for these inputs. */
    List<LongShapeDescriptor> outputShapes(INDArray[] inputs);

    /** The step that computes {@code outputs} from {@code inputs}; arrays are fixed for the run. */
    PlanStep bind(INDArray[] inputs, INDArray[] outputs);
}
