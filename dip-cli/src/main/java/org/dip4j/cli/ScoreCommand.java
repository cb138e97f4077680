package org.dip4j.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.AuxiliaryImages;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dip score}: any registered metrics between two images. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score a candidate image against a reference with any registered metrics.")
final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "The reference (clean) image.")
    Path reference;

    @Option(names = "--candidate", required = true, paramLabel = "FILE", description = "The image to score.")
    Path candidate;

    @Option(names = "--mask", paramLabel = "FILE",
            description = "Inpainting mask (white = known): psnr_masked and psnr_coarse score the black region. "
                    + "For blending metrics, the coarse mask (white = foreground).")
    @Nullable Path mask;

    @Option(names = "--fg", paramLabel = "FILE", description = "Foreground, for the blending metrics.")
    @Nullable Path fg;

    @Option(names = "--bg", paramLabel = "FILE", description = "Background, for the blending metrics.")
    @Nullable Path bg;

    @Option(names = "--metrics", split = ",", paramLabel = "ID",
            description = "Metric ids (default: psnr, ssim; plus psnr_masked, psnr_coarse with --mask; "
                    + "plus gff, gfp, bsi, ssim_masked with --fg and --bg).")
    @Nullable List<String> metrics;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PluginRegistry registry = DipCommand.of(spec).registry();
        Image ref = Images.readRgb(reference);
        Image cand = Images.readRgb(candidate);
        if (!ref.sameShape(cand)) {
            throw new InvalidInputException("the candidate " + candidate + " is " + cand.shape()
                    + " but the reference " + reference + " is " + ref.shape());
        }
        Image m = mask == null ? null : Images.readMask(mask);
        Map<String, Image> aux = new HashMap<>();
        if (fg != null && bg != null) {
            aux.put(AuxiliaryImages.FOREGROUND, Images.readRgb(fg));
            aux.put(AuxiliaryImages.BACKGROUND, Images.readRgb(bg));
            if (m != null) {
                aux.put(AuxiliaryImages.MASK, m);
            }
        }
        List<String> ids = metrics != null ? metrics : defaultMetrics(m != null, !aux.isEmpty());
        Config config = ConfigFactory.load(Thread.currentThread().getContextClassLoader());
        MetricInputs base = new MetricInputs(cand, cand, cand, ref, ref, aux.isEmpty() ? m : null, aux,
                ConfigFactory.empty());
        Map<String, Object> values = new LinkedHashMap<>();
        for (String id : ids) {
            Metric metric = registry.get(Metric.class, id.trim());
            String path = PluginKind.METRIC.settingsPath(metric.id());
            Config settings = config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
            OptionalDouble v = metric.evaluate(base.withSettings(settings));
            values.put(metric.id(), v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble()
                    : v.isPresent() ? "inf" : null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ConfigValueFactory.fromMap(values).render(ConfigRenderOptions.concise().setJson(true)));
        } else {
            values.forEach((k, v) -> out.printf("%-12s %s%n", k, v == null ? "n/a" : v));
        }
        out.flush();
        return 0;
    }

    private static List<String> defaultMetrics(boolean mask, boolean blending) {
        List<String> ids = new ArrayList<>(List.of("psnr", "ssim"));
        if (mask && !blending) {
            ids.addAll(List.of("psnr_masked", "psnr_coarse"));
        }
        if (blending) {
            ids.addAll(List.of("gff", "gfp", "bsi", "ssim_masked"));
        }
        return ids;
    }
}
