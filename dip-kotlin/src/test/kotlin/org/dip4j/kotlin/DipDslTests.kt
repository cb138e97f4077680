package org.dip4j.kotlin

import java.awt.image.BufferedImage
import java.util.Collections
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.dip4j.api.run.DipRun
import org.junit.jupiter.api.Test

/** The Kotlin DSL on a tiny network and a 32×32 picture. */
class DipDslTests {
    private val picture = BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR).apply {
        for (y in 0 until 32) for (x in 0 until 32) setRGB(x, y, (8 * x shl 16) or (8 * y shl 8) or ((x * y) % 256))
    }

    private fun RunSpec.tiny() {
        preset = Preset.FAST
        set("dip.input.channels = 4")
        set("dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }")
        set("dip.run.log-every", 5)
    }

    @Test
    fun `a suspend run returns the result and the listener sees every iteration in order`(): Unit = runBlocking {
        val seen = Collections.synchronizedList(mutableListOf<Int>())
        val r = dip.denoise(picture) {
            tiny()
            iterations = 7
            seed = 3
            onProgress { seen += it.iteration() }
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6)
        assertThat(r.iterations()).isEqualTo(7)
        assertThat(r.cancelled()).isFalse()
        assertThat(r.output().shape()).isEqualTo("3×32×32")
    }

    @Test
    fun `cancelling the coroutine stops the run after its current iteration`(): Unit = runBlocking {
        val seen = Collections.synchronizedList(mutableListOf<Int>())
        val third = CompletableDeferred<Unit>()
        val job = launch {
            dip.denoise(picture) {
                tiny()
                iterations = 100_000
                onProgress {
                    seen += it.iteration()
                    if (it.iteration() == 2) third.complete(Unit)
                }
            }
        }
        third.await()
        job.cancelAndJoin()
        // cancelAndJoin returns once the run has stopped: no iteration comes after it.
        val count = seen.size
        Thread.sleep(300)
        assertThat(seen).hasSize(count)
        assertThat(count).isBetween(3, 99_999)
        assertThat(seen).isEqualTo((0 until count).toList())
        assertThat(job.isCancelled).isTrue()
    }

    @Test
    fun `cancelling the prepared run returns a partial result`(): Unit = runBlocking {
        lateinit var run: DipRun
        run = dip.prepare("denoise") {
            tiny()
            input("image", picture)
            iterations = 100_000
            onProgress { if (it.iteration() == 2) run.cancel() }
        }
        val result = run.await()
        assertThat(result.cancelled()).isTrue()
        assertThat(result.iterations()).isEqualTo(3)
        assertThat(result.metrics()).containsKey("psnr_gt")
    }

    @Test
    fun `progress as a flow gives the start, every iteration with outputs on request, and the result`(): Unit = runBlocking {
        val events = dip.events("denoise") {
            tiny()
            input("image", picture)
            iterations = 6
            outputEvery = 2
        }.toList()
        assertThat(events.first()).isInstanceOf(RunEvent.Started::class.java)
        val iterations = events.filterIsInstance<RunEvent.Iteration>()
        assertThat(iterations.map { it.iteration }).containsExactly(0, 1, 2, 3, 4, 5)
        assertThat(iterations.map { it.output != null }).containsExactly(true, false, true, false, true, false)
        val finished = events.last() as RunEvent.Finished
        assertThat(finished.result.iterations()).isEqualTo(6)
    }

    @Test
    fun `a collector that stops early cancels the run`(): Unit = runBlocking {
        val events = dip.events("denoise") {
            tiny()
            input("image", picture)
            iterations = 100_000
        }.take(4).toList()
        assertThat(events).hasSize(4)
    }
}
