package org.dip4j.samediff.plan;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/** Ops that the plan runs as Java steps instead of native calls. */
final class JavaKernels {
    private JavaKernels() {
    }

    /**
     * The Java step for {@code op}, or null to run it natively.
     *
     * @param allocate gives the output arrays for the output shapes
     */
    static @Nullable PlanStep step(DifferentialFunction op, INDArray[] inputs,
            Function<List<LongShapeDescriptor>, INDArray[]> allocate) {
        if (op instanceof PlanKernel kernel) {
            return kernel.bind(inputs, allocate.apply(kernel.outputShapes(inputs)));
        }
        return null;
    }
}
