package org.dip4j.samediff.engine;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.dip4j.api.Image;
import org.dip4j.api.PluginKind;
import org.dip4j.api.PluginRegistry;
import org.dip4j.spi.Metric;
import org.dip4j.spi.MetricInputs;
import org.dip4j.spi.Problem;

/** The metrics a run logs, each with its settings, evaluated against one problem. */
public final class MetricSuite {
    private record Entry(Metric metric, Config settings) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Problem problem;

    public MetricSuite(List<String> ids, Problem problem, Config config, PluginRegistry registry) {
        this.problem = problem;
        for (String id : ids) {
            Metric m = registry.get(Metric.class, id);
            entries.add(new Entry(m, DipGraph.settingsOf(config, PluginKind.METRIC, id)));
        }
    }

    public List<String> ids() {
        return entries.stream().map(e -> e.metric().id()).toList();
    }

    /** Every metric for this output; NaN where one does not apply. */
    public Map<String, Double> evaluate(Image output, Image smoothed, Image prediction) {
        MetricInputs base = new MetricInputs(output, smoothed, prediction, problem.observation(),
                problem.groundTruth(), problem.mask(), problem.auxiliary(), com.typesafe.config.ConfigFactory.empty());
        Map<String, Double> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            OptionalDouble v = e.metric().evaluate(base.withSettings(e.settings()));
            out.put(e.metric().id(), v.isPresent() ? v.getAsDouble() : Double.NaN);
        }
        return out;
    }
}
