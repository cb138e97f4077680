package org.dip4j.examples.tv

import org.dip4j.spi.Loss
import org.dip4j.spi.LossGraph
import org.nd4j.autodiff.samediff.SDVariable
import org.nd4j.autodiff.samediff.SameDiff

private const val HEIGHT: Int = 2
private const val WIDTH: Int = 3
private const val ALL_AXES: Int = 0b1111

/**
 * Total variation of the network output, the regulariser of DIP-TV (Liu, Sun, Xu and Kamilov,
 * "Image restoration using total variation regularized deep image prior", ICASSP 2019).
 *
 * Anisotropic (default): `mean |x[i+1,j] − x[i,j]| + mean |x[i,j+1] − x[i,j]|` over all channels.
 * Isotropic: `mean sqrt(dy² + dx² + ε)` over the pixels that have a lower and a right neighbour.
 * It reads only the output, so it is added to a data term: `losses { mse = 1.0, tv = 0.01 }`.
 */
class TvLoss : Loss {
    override fun id(): String = "tv"

    override fun description(): String = "total variation of the output (DIP-TV, Liu et al. 2019)"

    override fun define(graph: LossGraph): SDVariable {
        val sd: SameDiff = graph.sameDiff()
        val x: SDVariable = graph.output()
        // Neighbour differences along height (axis 2) and width (axis 3) of 1×C×H×W.
        val dy: SDVariable = dropFirst(sd, x, HEIGHT).sub(dropLast(sd, x, HEIGHT))
        val dx: SDVariable = dropFirst(sd, x, WIDTH).sub(dropLast(sd, x, WIDTH))
        if (graph.settings().getBoolean("isotropic")) {
            // Both differences on the (H−1)×(W−1) pixels that have both neighbours.
            val dyInner: SDVariable = dropLast(sd, dy, WIDTH)
            val dxInner: SDVariable = dropLast(sd, dx, HEIGHT)
            val epsilon: Double = graph.settings().getDouble("epsilon")
            val magnitude: SDVariable = sd.math().sqrt(dyInner.mul(dyInner).add(dxInner.mul(dxInner)).add(epsilon))
            return sd.mean(graph.name("tv"), magnitude)
        }
        val vertical: SDVariable = sd.mean(sd.math().abs(dy))
        val horizontal: SDVariable = sd.mean(sd.math().abs(dx))
        return vertical.add(graph.name("tv"), horizontal)
    }
}

/** `v[.., 1:, ..]`: `v` without its first index along `axis`. */
internal fun dropFirst(sd: SameDiff, v: SDVariable, axis: Int): SDVariable = slice(sd, v, axis, 1L, null)

/** `v[.., :-1, ..]`: `v` without its last index along `axis`. */
internal fun dropLast(sd: SameDiff, v: SDVariable, axis: Int): SDVariable = slice(sd, v, axis, 0L, -1L)

/**
 * A slice along one axis of a rank-4 variable, every other axis whole. The output's shape may be
 * unknown while the graph is built, so the slice never needs a size: the other axes and an open
 * end are masked ("from the start", "to the end"), and an end of −1 counts from the end as
 * `strided_slice` defines it. (SameDiff 1.0.0-M2.1 throws on negative indices in the `SDIndex`
 * form, `x.get(interval(0, -1))`; the op itself takes them, forward and backward.)
 */
private fun slice(sd: SameDiff, v: SDVariable, axis: Int, start: Long, end: Long?): SDVariable {
    val begin = LongArray(4)
    begin[axis] = start
    val stop = LongArray(4)
    val others: Int = ALL_AXES xor (1 shl axis)
    val endMask: Int = if (end == null) ALL_AXES else others
    if (end != null) {
        stop[axis] = end
    }
    return sd.stridedSlice(v, begin, stop, longArrayOf(1L, 1L, 1L, 1L), others, endMask, 0, 0, 0)
}
