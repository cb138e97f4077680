package org.dip4j.samediff.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Enter;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Exit;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.LoopCond;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Merge;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.NextIteration;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Switch;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compiles the ops of a SameDiff graph (in practice its gradient function) that the requested
 * outputs need into a {@link StepPlan}: ordered once, each op bound to an {@link OpContext} with
 * its input arrays, arguments and preallocated outputs. The shapes of a run never change, so
 * SameDiff's per-step work (finding ready ops, inferring shapes, allocating, tracking which
 * arrays can be freed) is done here, once. Arrays share buffers by lifetime ({@link ArrayPool}).
 *
 * <p>Plan-only ops ({@link PlanKernel}) run as Java steps; ops the plan cannot run
 * (control flow, random numbers, user-invoked functions) throw {@link UnsupportedOpException}, and
 * the caller falls back to SameDiff's own executor.
 */
public final class PlanCompiler {
    private final SameDiff sd;
    private final Map<String, INDArray> placeholders;
    private final Set<String> requested;
    private boolean shareBuffers = true;

    private final Map<String, INDArray> arrays = new HashMap<>();
    // Outputs the pool does not own: identities and reshapes (views of another variable's array)
    // and shapes (fixed for a run, computed once).
    private final Set<String> aliases = new HashSet<>();

    /**
     * @param sd the graph whose ops run (the gradient function, or a forward graph)
     * @param placeholders placeholder name → the array the plan reads it from (refilled in place by the caller)
     * @param outputs the variables the caller reads after each run (they stay valid until the next run)
     */
    public PlanCompiler(SameDiff sd, Map<String, INDArray> placeholders, Collection<String> outputs) {
        this.sd = sd;
        this.placeholders = new LinkedHashMap<>(placeholders);
        this.requested = new java.util.LinkedHashSet<>(outputs);
    }

    /** false: every array gets its own buffer (more memory; for checking that sharing changes nothing). */
    public PlanCompiler shareBuffers(boolean share) {
        this.shareBuffers = share;
        return this;
    }

    public StepPlan compile() {
        StepPlan.purgeOrphans();
        List<SameDiffOp> order = order();
        Map<String, Integer> lastUse = lastUses(order);
        ArrayPool pool = new ArrayPool(shareBuffers);
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SameDiffOp op = order.get(i);
            PlanStep step = bind(op, pool);
            if (step != null) {
                steps.add(step);
                // Run it once now: later ops may take shapes from values computed in the graph
                // (reshape to a shape_of, say), which are fixed for a run but must exist to be read.
                step.run();
            }
            // Free what this op read for the last time, after its outputs have their own buffers.
            for (String in : op.getInputsToOp()) {
                Integer last = lastUse.get(in);
                if (last != null && last == i && !requested.contains(in)) {
                    release(pool, in);
                }
            }
            for (String out : op.getOutputsOfOp()) {
                if (!lastUse.containsKey(out) && !requested.contains(out)) {
                    release(pool, out); // an output nobody reads (e.g. the mean's gradient of batchnorm_bp)
                }
            }
        }
        Map<String, INDArray> outputs = new LinkedHashMap<>();
        for (String name : requested) {
            outputs.put(name, array(name));
        }
        List<INDArray> all = new ArrayList<>(arrays.values());
        all.addAll(placeholders.values());
        return new StepPlan(steps, placeholders, outputs, pool.bytes(), all);
    }

    private void release(ArrayPool pool, String variable) {
        INDArray a = arrays.get(variable);
        if (a != null && !aliases.contains(variable)) {
            pool.release(a); // an alias is released through its source, whose life covers the alias' readers
        }
    }

    /** The ops needed for the requested outputs, each after the ops it reads from. */
    private List<SameDiffOp> order() {
        List<SameDiffOp> out = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String v : requested) {
            Variable var = sd.getVariables().get(v);
            if (var == null) {
                throw new IllegalArgumentException("the graph has no variable " + v);
            }
            if (var.getOutputOfOp() != null) {
                visit(var.getOutputOfOp(), visited, onPath, out);
            }
        }
        return out;
    }

    private void visit(String opName, Set<String> visited, Set<String> onPath, List<SameDiffOp> out) {
        if (visited.contains(opName)) {
            return;
        }
        if (!onPath.add(opName)) {
            throw new UnsupportedOpException(opName, "the graph has a cycle (control flow)");
        }
        SameDiffOp op = java.util.Objects.requireNonNull(sd.getOps().get(opName), opName);
        List<String> deps = new ArrayList<>(op.getInputsToOp() == null ? List.of() : op.getInputsToOp());
        if (op.getVarControlDeps() != null) {
            deps.addAll(op.getVarControlDeps());
        }
        for (String in : deps) {
            Variable v = sd.getVariables().get(in);
            if (v != null && v.getOutputOfOp() != null) {
                visit(v.getOutputOfOp(), visited, onPath, out);
            }
        }
        if (op.getControlDeps() != null) {
            for (String dep : op.getControlDeps()) {
                visit(dep, visited, onPath, out);
            }
        }
        onPath.remove(opName);
        visited.add(opName);
        out.add(op);
    }

    /** Variable → index of the last op that reads it (through aliases too, see {@link #bind}). */
    private Map<String, Integer> lastUses(List<SameDiffOp> order) {
        Map<String, Integer> last = new HashMap<>();
        // Walk backwards so that the readers of an identity or reshape extend the life of its input.
        for (int i = order.size() - 1; i >= 0; i--) {
            SameDiffOp op = order.get(i);
            int end = i;
            if (isView(op.getOp())) {
                Integer aliasEnd = last.get(op.getOutputsOfOp().get(0));
                boolean requestedAlias = requested.contains(op.getOutputsOfOp().get(0));
                end = requestedAlias ? Integer.MAX_VALUE : Math.max(i, aliasEnd == null ? i : aliasEnd);
            }
            for (String in : op.getInputsToOp()) {
                last.merge(in, end, Math::max);
            }
        }
        return last;
    }

    /** Ops whose output may be a view of their input (see {@link #bind}). */
    private static boolean isView(DifferentialFunction df) {
        return df instanceof Identity || df instanceof Reshape;
    }

    private INDArray array(String name) {
        INDArray a = arrays.get(name);
        if (a != null) {
            return a;
        }
        a = placeholders.get(name);
        if (a != null) {
            return a;
        }
        SDVariable v = sd.getVariable(name);
        if (v == null) {
            throw new IllegalStateException("no array for " + name);
        }
        if (v.getVariableType() == VariableType.PLACEHOLDER) {
            throw new IllegalArgumentException("no array was given for placeholder " + name);
        }
        a = v.getArr();
        if (a == null) {
            throw new IllegalStateException("variable " + name + " (" + v.getVariableType() + ") has no array");
        }
        return a;
    }

    /**
     * A c-order reshape of a whole c-ordered array, as a view of the same buffer (no step, no
     * copy), or null when it cannot be one (then it runs as the native op, a copy).
     */
    private static @org.jspecify.annotations.Nullable INDArray reshapeView(Reshape op, INDArray[] in) {
        for (long a : op.iArgs()) {
            if (a == 'f' || a == -'f') {
                return null;
            }
        }
        INDArray x = in[0];
        if (x.ordering() != 'c' || x.offset() != 0 || !Shape.hasDefaultStridesForShape(x) || x.isEmpty()) {
            return null;
        }
        OpContext ctx = Nd4j.getExecutioner().buildContext();
        ctx.setArgs(in, op.iArgs(), op.dArgs(), op.tArgs(), op.bArgs());
        List<LongShapeDescriptor> shapes = op.calculateOutputShape(ctx);
        if (shapes == null || shapes.size() != 1 || Shape.lengthOf(shapes.get(0).getShape()) != x.length()) {
            return null;
        }
        INDArray view = x.reshape('c', shapes.get(0).getShape());
        return view.data().addressPointer().address() == x.data().addressPointer().address() ? view : null;
    }

    /** The step of one op, or null for ops that only alias or fix an array (identity, reshape, shapes, the gradient seed). */
    private @org.jspecify.annotations.Nullable PlanStep bind(SameDiffOp sdo, ArrayPool pool) {
        DifferentialFunction df = sdo.getOp();
        String name = df.opName() + " (" + sdo.getName() + ")";
        if (df instanceof Enter || df instanceof Exit || df instanceof Switch || df instanceof Merge
                || df instanceof NextIteration || df instanceof LoopCond) {
            throw new UnsupportedOpException(name, "control flow");
        }
        if (df instanceof BaseTensorOp || df instanceof ExternalErrorsFunction || df instanceof CreateView
                || df instanceof org.nd4j.linalg.api.ops.custom.Invoke) {
            throw new UnsupportedOpException(name, "no static form");
        }
        if (df instanceof RandomOp || df.getClass().getName().startsWith("org.nd4j.linalg.api.ops.random")) {
            throw new UnsupportedOpException(name, "random numbers");
        }
        List<String> inNames = sdo.getInputsToOp() == null ? List.of() : sdo.getInputsToOp();
        INDArray[] in = new INDArray[inNames.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = array(inNames.get(i));
        }
        List<String> outNames = sdo.getOutputsOfOp();
        if (df instanceof Identity) {
            arrays.put(outNames.get(0), in[0]);
            aliases.add(outNames.get(0));
            return null;
        }
        if (df instanceof org.nd4j.linalg.api.ops.impl.shape.Shape && in.length == 1) {
            // Shapes are fixed for a run: the value is made here once, and no step runs.
            DataType type = sd.getVariable(outNames.get(0)).dataType();
            arrays.put(outNames.get(0), Nd4j.createFromArray(in[0].shape()).castTo(type));
            aliases.add(outNames.get(0));
            return null;
        }
        if (df instanceof Reshape reshape) {
            INDArray view = reshapeView(reshape, in);
            if (view != null) {
                arrays.put(outNames.get(0), view);
                aliases.add(outNames.get(0));
                return null;
            }
        }
        if (df instanceof GradientBackwardsMarker) {
            DataType t = sd.getVariable(outNames.get(0)).dataType();
            arrays.put(outNames.get(0), Nd4j.scalar(t, 1.0));
            return null;
        }
        if (df instanceof Assign) {
            throw new UnsupportedOpException(name, "assign writes into its input");
        }
        if (df instanceof PlanKernel kernel) {
            return kernel.bind(in, allocateOutputs(pool, outNames, kernel.outputShapes(in)));
        }
        OpContext ctx = Nd4j.getExecutioner().buildContext();
        if (df instanceof CustomOp) {
            DynamicCustomOp op = (DynamicCustomOp) df;
            ctx.setArgs(in, op.iArgs(), op.dArgs(), op.tArgs(), op.bArgs());
            List<LongShapeDescriptor> shapes = op.calculateOutputShape(ctx);
            if (shapes == null || shapes.size() != outNames.size()) {
                throw new UnsupportedOpException(name, "no static output shape");
            }
            for (int i = 0; i < shapes.size(); i++) {
                ctx.setOutputArray(i, allocate(pool, outNames.get(i), shapes.get(i)));
            }
            if ("concat".equals(op.opName())) {
                // oneDNN's concat measured many times slower than ND4J's own on this op's maps.
                ctx.allowHelpers(false);
            }
            return new NativeStep(op, ctx, op.opName());
        }
        if (df instanceof Op op) {
            boolean axisArg = false;
            if (op instanceof ReduceOp r && r.getOpType() != Op.Type.REDUCE3 && in.length == 2) {
                int[] axis = in[1].toIntVector();
                df.setDimensions(Shape.normalizeAxis(in[0].rank(), axis));
                ((BaseReduceOp) op).setEmptyReduce(false);
                axisArg = true;
            } else if (op instanceof ScalarOp s && in.length == 2) {
                if (sd.getVariable(inNames.get(1)).getVariableType() != VariableType.CONSTANT) {
                    throw new UnsupportedOpException(name, "a scalar operand computed in the graph");
                }
                s.setScalar(in[1]);
            }
            if (in.length > 0) {
                ctx.setInputArray(0, in[0]);
                if (in.length == 2 && !axisArg) {
                    ctx.setInputArray(1, in[1]);
                }
            }
            List<LongShapeDescriptor> shapes = ((BaseOp) op).calculateOutputShape(ctx);
            if (shapes == null || shapes.size() != 1) {
                throw new UnsupportedOpException(name, "no static output shape");
            }
            ctx.setOutputArray(0, allocate(pool, outNames.get(0), shapes.get(0)));
            return new NativeStep(op, ctx, op.opName());
        }
        throw new UnsupportedOpException(name, "unknown kind of op " + df.getClass().getName());
    }

    private INDArray[] allocateOutputs(ArrayPool pool, List<String> outNames, List<LongShapeDescriptor> shapes) {
        INDArray[] out = new INDArray[shapes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = allocate(pool, outNames.get(i), shapes.get(i));
        }
        return out;
    }

    private INDArray allocate(ArrayPool pool, String variable, LongShapeDescriptor shape) {
        // Output shape inference may not know the type; the variable does.
        DataType type = sd.getVariable(variable).dataType();
        INDArray a = pool.allocate(type, shape.getShape());
        arrays.put(variable, a);
        return a;
    }
}
