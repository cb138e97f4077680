package org.dip4j.kotlin

import java.awt.image.BufferedImage
import java.nio.file.Path
import java.util.concurrent.CancellationException
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.channels.trySendBlocking
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.future.await
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.withContext
import org.dip4j.api.Image
import org.dip4j.api.run.Dip
import org.dip4j.api.run.DipResult
import org.dip4j.api.run.DipRun
import org.dip4j.api.run.Progress
import org.dip4j.api.run.ProgressListener
import org.dip4j.api.run.RunBuilder
import org.dip4j.api.run.RunStart

/** The presets every standard task has. */
enum class Preset(val id: String) {
    /** A 32-channel network: minutes on a CPU. */
    FAST("fast"),

    /** The reference implementation's settings. */
    PAPER("paper"),
}

@DslMarker
annotation class DipDsl

/** The settings of one run, written in the block of [dip]'s functions. */
@DipDsl
class RunSpec internal constructor(private val builder: RunBuilder) {
    /** The task's preset; null keeps the defaults (or what a configuration file says). */
    var preset: Preset? = null

    /** `dip.run.iterations`. */
    var iterations: Int? = null

    /** `dip.run.seed`: the same seed gives the same numbers. */
    var seed: Long? = null

    /** Where to write the run folder; null (the default) writes none. */
    var runFolder: Path? = null

    /** Replace a run already in [runFolder] instead of refusing it. */
    var replaceRunFolder: Boolean = false

    /** In [events], attach the current output to every [outputEvery]-th iteration (0: never). */
    var outputEvery: Int = 0

    /** A task input by its setting name: a file. */
    fun input(key: String, file: Path) {
        builder.input(key, file)
    }

    /** A task input by its setting name: an image in memory. */
    fun input(key: String, image: BufferedImage) {
        builder.input(key, image)
    }

    /** A task input by its setting name: an image in memory. */
    fun input(key: String, image: Image) {
        builder.input(key, image)
    }

    /** One setting by its full key, e.g. `set("dip.run.log-every", 10)`. */
    fun set(key: String, value: Any) {
        builder.set(key, value)
    }

    /** One setting as HOCON, `key = value`. */
    fun set(assignment: String) {
        builder.set(assignment)
    }

    /** Called after every iteration, in order, on the run's thread (keep it quick). */
    fun onProgress(listener: (Progress) -> Unit) {
        builder.onProgress(ProgressListener { listener(it) })
    }

    /** Called once the network is built. */
    fun onStart(listener: (RunStart) -> Unit) {
        builder.onProgress(object : ProgressListener {
            override fun started(start: RunStart) = listener(start)
            override fun progress(progress: Progress) {}
        })
    }

    internal fun build(): RunBuilder {
        preset?.let { builder.preset(it.id) }
        iterations?.let { builder.iterations(it) }
        seed?.let { builder.seed(it) }
        runFolder?.let { builder.runFolder(it) }
        if (replaceRunFolder) builder.replaceRunFolder()
        return builder
    }
}

/** What [dip.events] emits: the start, every iteration, and the result. */
sealed interface RunEvent {
    data class Started(val start: RunStart) : RunEvent

    /** An iteration; [output] is the current output every [RunSpec.outputEvery] iterations, else null. */
    data class Iteration(
        val iteration: Int,
        val total: Int,
        val seconds: Double,
        val metrics: Map<String, Double>,
        val logged: Boolean,
        val output: Image?,
    ) : RunEvent

    data class Finished(val result: DipResult) : RunEvent
}

/**
 * dip4j from Kotlin: `val r = dip.denoise(image) { preset = Preset.FAST; iterations = 500 }`.
 * Every run is a `suspend` call that runs on a thread of its own; cancelling the coroutine stops
 * the run after its current iteration (and waits for that), then throws `CancellationException`.
 */
@Suppress("ClassName")
object dip {
    /** Denoises an image that is already noisy. */
    suspend fun denoise(noisy: BufferedImage, block: RunSpec.() -> Unit = {}): DipResult =
        prepare(Dip.denoise(noisy), block).await()

    /** Denoises an image that is already noisy. */
    suspend fun denoise(noisy: Image, block: RunSpec.() -> Unit = {}): DipResult =
        prepare(Dip.denoise(noisy), block).await()

    /** Fills the pixels where [mask] is black (white marks the known pixels). */
    suspend fun inpaint(image: BufferedImage, mask: BufferedImage, block: RunSpec.() -> Unit = {}): DipResult =
        prepare(Dip.inpaint(image, mask), block).await()

    /** Fills the pixels where [mask] is 0 (1 marks the known pixels). */
    suspend fun inpaint(image: Image, mask: Image, block: RunSpec.() -> Unit = {}): DipResult =
        prepare(Dip.inpaint(image, mask), block).await()

    /** A run of any task, its inputs given with [RunSpec.input]. */
    suspend fun run(task: String, block: RunSpec.() -> Unit = {}): DipResult = prepare(task, block).await()

    /** The run a HOCON file describes. */
    suspend fun run(config: Path, block: RunSpec.() -> Unit = {}): DipResult =
        prepare(Dip.config(config), block).await()

    /** A run of [task] prepared but not started: [DipRun.cancel] it from anywhere for a partial result. */
    fun prepare(task: String, block: RunSpec.() -> Unit = {}): DipRun = prepare(Dip.task(task), block)

    /** [builder] with the settings of [block], built. */
    fun prepare(builder: RunBuilder, block: RunSpec.() -> Unit = {}): DipRun = RunSpec(builder).apply(block).build().build()

    /**
     * The run of [task] as a cold flow: collecting it starts the run, emits [RunEvent.Started],
     * one [RunEvent.Iteration] per iteration in order, and [RunEvent.Finished]; a collector that
     * stops early cancels the run. A slow collector holds the run back (the buffer is 64 events).
     */
    fun events(task: String, block: RunSpec.() -> Unit = {}): Flow<RunEvent> = events(Dip.task(task), block)

    /** As [events] for any starting point, e.g. `Dip.denoise(image)`. */
    fun events(builder: RunBuilder, block: RunSpec.() -> Unit = {}): Flow<RunEvent> = callbackFlow {
        val spec = RunSpec(builder).apply(block)
        val every = spec.outputEvery
        builder.onProgress(object : ProgressListener {
            override fun started(start: RunStart) {
                trySendBlocking(RunEvent.Started(start))
            }

            override fun progress(p: Progress) {
                val output = if (every > 0 && p.iteration() % every == 0) p.output() else null
                trySendBlocking(RunEvent.Iteration(p.iteration(), p.total(), p.seconds(), p.metrics(), p.logged(), output))
            }
        })
        val run = spec.build().build()
        run.start().whenComplete { result, error ->
            if (error != null) {
                close(error)
            } else {
                trySendBlocking(RunEvent.Finished(result))
                close()
            }
        }
        awaitClose { run.cancel() }
    }
}

/**
 * Runs this on a thread of its own and suspends until it ends. Cancelling the coroutine cancels
 * the run, waits until it has stopped (after its current iteration), and throws
 * `CancellationException`; [DipRun.cancel] instead returns the partial result.
 */
suspend fun DipRun.await(): DipResult {
    val finished = start()
    try {
        return suspendCancellableCoroutine { cont ->
            finished.whenComplete { result, error ->
                if (error == null) cont.resume(result) else cont.resumeWithException(error)
            }
            cont.invokeOnCancellation { cancel() }
        }
    } catch (e: CancellationException) {
        // The run stops after its current iteration; return only once it has.
        withContext(NonCancellable) { finished.handle { _, _ -> }.await() }
        throw e
    }
}
