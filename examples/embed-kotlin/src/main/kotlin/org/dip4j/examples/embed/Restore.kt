package org.dip4j.examples.embed

import java.io.File
import javax.imageio.ImageIO
import kotlinx.coroutines.runBlocking
import org.dip4j.api.run.DipResult
import org.dip4j.kotlin.Preset
import org.dip4j.kotlin.RunSpec
import org.dip4j.kotlin.dip
import java.awt.image.BufferedImage

/** Denoises an image that is already noisy, with the `fast` preset; [tune] adjusts the run. */
suspend fun denoise(noisy: BufferedImage, tune: RunSpec.() -> Unit = {}): DipResult =
    dip.denoise(noisy) {
        preset = Preset.FAST
        onProgress { if (it.logged()) System.err.println("${it.done()}/${it.total()} ${it.metrics()}") }
        tune()
    }

/** Fills the pixels where [mask] is black, with the `fast` preset. */
suspend fun inpaint(image: BufferedImage, mask: BufferedImage, tune: RunSpec.() -> Unit = {}): DipResult =
    dip.inpaint(image, mask) {
        preset = Preset.FAST
        tune()
    }

/** `denoise NOISY.png OUT.png` or `inpaint IMAGE.png MASK.png OUT.png`. */
fun main(args: Array<String>) = runBlocking {
    val result = when {
        args.size == 3 && args[0] == "denoise" -> denoise(ImageIO.read(File(args[1])))
        args.size == 4 && args[0] == "inpaint" -> inpaint(ImageIO.read(File(args[1])), ImageIO.read(File(args[2])))
        else -> {
            System.err.println("usage: denoise NOISY.png OUT.png | inpaint IMAGE.png MASK.png OUT.png")
            return@runBlocking
        }
    }
    ImageIO.write(result.outputImage(), "png", File(args.last()))
    System.err.println("${result.iterations()} iterations: ${args.last()}")
}
