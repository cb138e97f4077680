package org.dip4j.examples.tv

import com.typesafe.config.ConfigFactory
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.within
import org.dip4j.spi.LossGraph
import org.junit.jupiter.api.Test
import org.nd4j.autodiff.samediff.SameDiff
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.factory.Nd4j

/** Values the definition fixes, on images whose total variation is known by hand. */
class TvLossTests {
    private fun tv(c: Int, h: Int, w: Int, isotropic: Boolean, pixel: (Int, Int, Int) -> Double): Double {
        val values = DoubleArray(c * h * w) { i -> pixel(i / (h * w), i / w % h, i % w) }
        val sd: SameDiff = SameDiff.create()
        val x = sd.`var`("x", Nd4j.createFromArray(*values).reshape(1L, c.toLong(), h.toLong(), w.toLong())
            .castTo(DataType.DOUBLE))
        val settings = ConfigFactory.parseString("isotropic = $isotropic, epsilon = 0")
        val graph: LossGraph = LossGraph.builder(sd).output(x).observation(x).settings(settings).build()
        return TvLoss().define(graph.forLoss("tv", settings)).eval().getDouble(0)
    }

    @Test
    fun aConstantImageHasNoVariation() {
        assertThat(tv(3, 5, 7, false) { _, _, _ -> 0.4 }).isEqualTo(0.0)
    }

    @Test
    fun aHorizontalRampVariesByItsStepAlongTheWidthOnly() {
        // x = 0.1·j: every horizontal difference is 0.1, every vertical one 0.
        assertThat(tv(2, 4, 6, false) { _, _, x -> 0.1 * x }).isCloseTo(0.1, within(1e-12))
    }

    @Test
    fun aCheckerboardVariesByOneInBothDirections() {
        // Anisotropic: 1 + 1; isotropic: sqrt(1² + 1²) at every pixel with both neighbours.
        val board = { _: Int, y: Int, x: Int -> ((x + y) % 2).toDouble() }
        assertThat(tv(1, 5, 5, false, board)).isCloseTo(2.0, within(1e-12))
        assertThat(tv(1, 5, 5, true, board)).isCloseTo(Math.sqrt(2.0), within(1e-12))
    }

    @Test
    fun differencesTakeOnlyNeighboursAlongTheirAxis() {
        // A vertical step of 1 between rows 1 and 2 of a 4-row image: one of three row pairs differs.
        assertThat(tv(1, 4, 3, false) { _, y, _ -> if (y >= 2) 1.0 else 0.0 }).isCloseTo(1.0 / 3, within(1e-12))
    }
}
