package org.dip4j.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dip4j.api.DipException;
import org.dip4j.api.report.Stats;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One PNG per metric ({@code plots/<metric>.png}): the metric over iterations, a line per
 * configuration (the mean over its seeds, with the ± one standard deviation band shaded when there
 * are several), drawn with JFreeChart.
 */
public final class MetricPlots {
    static final String FOLDER = "plots";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    /** Tableau 10, readable on white and for most colour-blind readers. */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
            new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC)};

    private MetricPlots() {}

    /** Draws the plots of {@code plan}'s finished runs into {@code folder/plots}; returns metric id to file. */
    public static Map<String, Path> write(ExperimentPlan plan, Path folder) {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Path>> groups = ExperimentTables.finishedFolders(plan, folder);
        Map<String, List<MetricsLog>> logs = new LinkedHashMap<>();
        Set<String> logged = new LinkedHashSet<>();
        groups.forEach((config, folders) -> {
            List<MetricsLog> l = folders.stream().filter(f -> Files.isRegularFile(f.resolve(MetricsLog.FILE)))
                    .map(MetricsLog::read).toList();
            l.forEach(log -> logged.addAll(log.metrics()));
            logs.put(config, l);
        });
        List<String> metrics = plan.plotMetrics().isEmpty() ? new ArrayList<>(logged)
                : plan.plotMetrics().stream().filter(logged::contains).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        plan.byConfiguration().keySet().forEach(c -> labels.put(c.key(), plan.table().label(c.label())));
        Map<String, Path> files = new LinkedHashMap<>();
        for (String metric : metrics) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            logs.forEach((config, runLogs) -> {
                YIntervalSeries series = curve(labels.getOrDefault(config, config), runLogs, metric);
                if (series.getItemCount() > 0) {
                    data.addSeries(series);
                }
            });
            if (data.getSeriesCount() == 0) {
                continue;
            }
            Path file = folder.resolve(FOLDER).resolve(fileName(metric));
            JFreeChart chart = chart(plan.table().label(metric), axisLabel(plan.table().label(metric), metric), data);
            if (plan.seeds().size() > 1) {
                TextTitle note = new TextTitle("mean over " + plan.seeds().size() + " seeds; shaded: ± one standard deviation",
                        new Font(Font.SANS_SERIF, Font.PLAIN, 15));
                note.setPaint(new Color(0x6B778C));
                chart.addSubtitle(note);
            }
            save(chart, file);
            files.put(metric, file);
        }
        return files;
    }

    /** The mean of {@code metric} over the runs at each iteration, with its ± std band. */
    static YIntervalSeries curve(String label, List<MetricsLog> runLogs, String metric) {
        YIntervalSeries series = new YIntervalSeries(label);
        TreeSet<Integer> iterations = new TreeSet<>();
        runLogs.forEach(l -> iterations.addAll(l.rows().keySet()));
        for (int it : iterations) {
            List<Double> values = new ArrayList<>();
            for (MetricsLog l : runLogs) {
                double v = l.value(it, metric);
                if (Double.isFinite(v)) {
                    values.add(v);
                }
            }
            Stats s = Stats.of(values);
            if (!s.isEmpty()) {
                series.add(it, s.mean(), s.mean() - s.std(), s.mean() + s.std());
            }
        }
        return series;
    }

    private static JFreeChart chart(String title, String yLabel, YIntervalSeriesCollection data) {
        NumberAxis x = new NumberAxis("iteration");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer renderer = new DeviationRenderer(true, data.getItemCount(0) < 3);
        renderer.setAlpha(0.18f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        x.setLabelFont(axisFont);
        y.setLabelFont(axisFont);
        x.setTickLabelFont(tickFont);
        y.setTickLabelFont(tickFont);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 22), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private static String axisLabel(String label, String metric) {
        return metric.toLowerCase(java.util.Locale.ROOT).startsWith("psnr") ? label + " (dB)" : label;
    }

    static String fileName(String metric) {
        return metric.replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
    }

    private static void save(JFreeChart chart, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
