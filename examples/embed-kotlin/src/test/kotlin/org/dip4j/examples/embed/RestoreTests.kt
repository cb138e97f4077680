package org.dip4j.examples.embed

import java.awt.image.BufferedImage
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.dip4j.kotlin.RunSpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Both restorations on a 32×32 picture with a tiny network, in seconds. */
class RestoreTests {
    /** A 2-level, 8-channel network instead of the preset's 5 levels. */
    private fun RunSpec.tiny() {
        set("dip.input.channels = 4")
        set("dip.architectures.skip { channels-down = [8, 8], channels-up = [8, 8], channels-skip = [2, 2] }")
        set("dip.tasks.inpaint.crop-multiple", 32)
        set("dip.run.log-every", 10)
        iterations = 40
        seed = 7
    }

    private val picture = BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR).apply {
        for (y in 0 until 32) for (x in 0 until 32) setRGB(x, y, (8 * x shl 16) or (8 * y shl 8) or 128)
    }

    @Test
    fun `denoising fits the noisy image more closely`(): Unit = runBlocking {
        val logged = mutableListOf<Double>()
        val r = denoise(picture) {
            tiny()
            onProgress { if (it.logged()) logged += it.metrics().getValue("psnr_noisy") }
        }
        assertEquals(40, r.iterations())
        assertEquals(32, r.outputImage().width)
        assertTrue(r.metric("psnr_noisy") > logged.first() + 1, "psnr_noisy $logged")
    }

    @Test
    fun `inpainting fits the image more closely`(): Unit = runBlocking {
        val mask = BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY).apply {
            for (y in 0 until 32) for (x in 0 until 32) raster.setSample(x, y, 0, if (x in 12 until 20) 0 else 255)
        }
        val logged = mutableListOf<Double>()
        val r = inpaint(picture, mask) {
            tiny()
            onProgress { if (it.logged()) logged += it.metrics().getValue("psnr") }
        }
        assertEquals(32, r.outputImage().height)
        assertTrue(logged.last() > logged.first() + 1, "psnr $logged")
    }

    @Test
    fun `a cancelled coroutine stops the restoration after its current iteration`(): Unit = runBlocking {
        val seen = java.util.Collections.synchronizedList(mutableListOf<Int>())
        val third = CompletableDeferred<Unit>()
        val job = launch {
            denoise(picture) {
                tiny()
                iterations = 1_000_000
                onProgress {
                    seen += it.iteration()
                    if (it.iteration() == 2) third.complete(Unit)
                }
            }
        }
        third.await()
        job.cancelAndJoin()
        val count = seen.size
        Thread.sleep(300)
        assertEquals(count, seen.size, "no iteration after the coroutine was cancelled")
        assertTrue(count < 1_000_000)
    }
}
