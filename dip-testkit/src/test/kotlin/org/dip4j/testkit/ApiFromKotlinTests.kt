package org.dip4j.testkit

import com.typesafe.config.Config
import com.typesafe.config.ConfigFactory
import java.nio.file.Path
import java.util.OptionalDouble
import java.util.OptionalLong
import java.util.SplittableRandom
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.dip4j.api.Configs
import org.dip4j.api.DipException
import org.dip4j.api.Image
import org.dip4j.api.Images
import org.dip4j.api.InvalidInputException
import org.dip4j.api.Names
import org.dip4j.api.PluginInfo
import org.dip4j.api.PluginKind
import org.dip4j.api.PluginPath
import org.dip4j.api.PluginRegistry
import org.dip4j.api.UnknownPluginException
import org.dip4j.spi.Architecture
import org.dip4j.spi.ForwardModel
import org.dip4j.spi.Loss
import org.dip4j.spi.LossGraph
import org.dip4j.spi.Metric
import org.dip4j.spi.MetricInputs
import org.dip4j.spi.NetworkGraph
import org.dip4j.spi.Plugin
import org.dip4j.spi.Problem
import org.dip4j.spi.RunOutcome
import org.dip4j.spi.Task
import org.dip4j.spi.TaskContext
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.nd4j.autodiff.samediff.SDVariable
import org.nd4j.autodiff.samediff.SameDiff
import org.nd4j.linalg.api.buffer.DataType
import org.nd4j.linalg.api.ndarray.INDArray
import org.nd4j.linalg.factory.Nd4j

/**
 * Every public type of dip-api and dip-testkit used from Kotlin with explicit types. It compiles
 * with JSpecify nullness in strict mode, so an API change that Kotlin callers would feel (a
 * nullable return where a value was promised, a checked exception, a lost lambda conversion)
 * breaks this build, not theirs.
 */
class ApiFromKotlinTests {
    /** A metric written in Kotlin: the mean absolute difference to the ground truth. */
    class MeanAbsoluteError : Metric {
        override fun id(): String = "kotlin_mae"
        override fun higherIsBetter(): Boolean = false
        override fun evaluate(inputs: MetricInputs): OptionalDouble {
            val truth: Image = inputs.groundTruth() ?: return OptionalDouble.empty()
            val diff: DoubleArray = truth.combine(1.0, inputs.output(), -1.0).toArray()
            return OptionalDouble.of(diff.sumOf { Math.abs(it) } / diff.size)
        }
    }

    /** A loss written in Kotlin: mean absolute error from basic ops. */
    class MeanAbsoluteLoss : Loss {
        override fun id(): String = "kotlin-l1"
        override fun description(): String = "mean absolute error"
        override fun define(graph: LossGraph): SDVariable {
            val sd: SameDiff = graph.sameDiff()
            val diff: SDVariable = graph.prediction().sub(graph.observation())
            return sd.mean(graph.name("l1"), sd.math().abs(diff))
        }
    }

    /** A task written in Kotlin: a flat grey observation with a lambda forward model. */
    class GreyTask : Task {
        override fun id(): String = "kotlin-grey"
        override fun prepare(context: TaskContext): Problem {
            val level: Double = context.settings().getDouble("level")
            val observation: Image = Image.filled(3, 4, 4, level)
            val model: ForwardModel = ForwardModel { _: SameDiff, output: SDVariable -> output }
            return Problem.builder(observation).groundTruth(observation).forwardModel(model)
                .saveInput("grey.png", observation).build()
        }
        override fun writeReport(outcome: RunOutcome) {
            val folder: Path = outcome.folder()
            assertThat(folder).isNotNull()
        }
    }

    /** An architecture written in Kotlin: one learnt bias per channel, broadcast over the input's shape. */
    class BiasOnly : Architecture {
        override fun id(): String = "kotlin-bias"
        override fun define(graph: NetworkGraph): SDVariable {
            val sd: SameDiff = graph.sameDiff()
            val bias: SDVariable = sd.`var`("bias", Nd4j.zeros(graph.dataType(), 1L, graph.outputChannels().toLong(), 1L, 1L))
            return sd.nn().sigmoid(bias.add(sd.zerosLike(graph.input()).sum(true, 1)))
        }
        override fun parameterCount(graph: NetworkGraph): OptionalLong = OptionalLong.of(graph.outputChannels().toLong())
    }

    @Test
    fun imagesAndTheirHelpersWorkWithLambdas(@TempDir dir: Path) {
        val ramp: Image = Image.generate(3, 4, 5) { c: Int, y: Int, x: Int -> (c + y + x) / 12.0 }
        val same: Image = Image.of(3, 4, 5, ramp.toArray())
        assertThat(same).isEqualTo(ramp)
        val file: Path = dir.resolve("ramp.png")
        Images.writePng(ramp, file)
        val back: Image = Images.readRgb(file)
        assertThat(back.sameShape(ramp)).isTrue()
        val array: INDArray = Images.toArray(ramp, DataType.DOUBLE)
        assertThat(Images.fromArray(array)).isEqualTo(ramp)
        val closest: String? = Names.closest("psnr_gtt", listOf("psnr_gt", "ssim")).orElse(null)
        assertThat(closest).isEqualTo("psnr_gt")
    }

    @Test
    fun pluginsWrittenInKotlinMeetTheSpi() {
        val metric: Metric = MeanAbsoluteError()
        val truth: Image = Image.filled(3, 4, 4, 0.5)
        val inputs: MetricInputs = MetricInputs.compare(truth, Image.filled(3, 4, 4, 0.25))
        assertThat(metric.evaluate(inputs).asDouble).isEqualTo(0.25)
        val withSettings: MetricInputs = inputs.withSettings(ConfigFactory.empty())
        assertThat(withSettings.groundTruth()).isEqualTo(truth)

        val task: Task = GreyTask()
        val context = TaskContext(ConfigFactory.parseString("level = 0.5"), 1L, Path.of("."))
        val problem: Problem = task.prepare(context)
        val mask: Image? = problem.mask()
        assertThat(mask).isNull()
        assertThat(problem.outputHeight()).isEqualTo(4)
        assertThat(context.resolve("a.png")).isEqualTo(Path.of("a.png"))

        val sd: SameDiff = SameDiff.create()
        val observation: SDVariable = sd.constant("obs", Nd4j.zeros(DataType.DOUBLE, 1L, 3L, 4L, 4L))
        val output: SDVariable = sd.`var`("out", Nd4j.ones(DataType.DOUBLE, 1L, 3L, 4L, 4L))
        val graph: LossGraph = LossGraph.builder(sd).output(output).observation(observation)
            .settings(ConfigFactory.empty()).build()
        val loss: Loss = MeanAbsoluteLoss()
        val value: SDVariable = loss.define(graph.forLoss(loss.id(), ConfigFactory.empty()))
        assertThat(value.eval().getDouble(0)).isEqualTo(1.0)
        assertThat(graph.hasAuxiliary("fg")).isFalse()
        assertThatThrownBy { graph.auxiliary("fg") }.isInstanceOf(InvalidInputException::class.java)

        val network = NetworkGraph(sd, output, 3, 3, ConfigFactory.empty(), SplittableRandom(1), DataType.DOUBLE)
        val architecture: Architecture = BiasOnly()
        assertThat(architecture.parameterCount(network)).hasValue(3L)
        val plugin: Plugin = architecture
        assertThat(plugin.version()).isNotBlank()
    }

    @Test
    fun theRegistryAndConfigurationAreUsableFromKotlin() {
        val loader: ClassLoader = ApiFromKotlinTests::class.java.classLoader
        val path: PluginPath = PluginPath.discover(Path.of("target"), listOf(), null, loader)
        path.use { p: PluginPath ->
            val registry: PluginRegistry = PluginRegistry.load(p)
            val plugins: List<PluginInfo> = registry.describe()
            assertThat(plugins.map { it.kind() }).contains(PluginKind.ARCHITECTURE)
            val problems: List<String> = registry.problems()
            assertThat(problems).isEmpty()
            val e: UnknownPluginException = org.junit.jupiter.api.Assertions.assertThrows(UnknownPluginException::class.java) {
                registry.get(Loss::class.java, "no-such-loss")
            }
            val general: DipException = e
            assertThat(general.message).contains("no-such-loss")
            val user: Config = Configs.parseOverrides(listOf("dip.run.iterations=3"))
            val effective: Config = Configs.resolve(user, p.classLoader(), registry)
            assertThat(effective.getInt("dip.run.iterations")).isEqualTo(3)
            assertThat(PluginKind.of(Loss::class.java).settingsPath("mse")).isEqualTo("dip.losses.mse")
        }
    }

    /** The contract classes can be extended from Kotlin (compiled, not run here: the built-ins run them). */
    abstract class KotlinLossContract : LossContractTests() {
        override fun isDataTerm(): Boolean = true
        override fun addInputs(fixture: LossFixture) {
            val mask: SDVariable = fixture.mask(0.25)
            assertThat(mask).isNotNull()
        }
    }

    abstract class KotlinMetricContract : MetricContractTests() {
        override fun incompleteInputs(reference: Image, candidate: Image): MetricInputs? = null
    }

    abstract class KotlinTaskContract : TaskContractTests()
}
