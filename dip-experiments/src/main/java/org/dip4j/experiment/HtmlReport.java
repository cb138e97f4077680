package org.dip4j.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dip4j.api.report.ResultTable;

/**
 * {@code report.html}: one self-contained page (styles inline, images and plots embedded as data
 * URIs, no scripts, nothing fetched) with the experiment's table, its plots, an image strip per run
 * (input, baselines, DIP, ground truth), the status of every run and the runs' provenance
 * (versions, backend, input files with their SHA-256). All text is HTML-escaped.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    private static final int STRIP_HEIGHT = 200;
    private static final int MAX_WIDTH = 320;
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
            main{max-width:1240px;margin:0 auto;padding:28px 32px 60px}
            h1{font-size:28px;margin:0 0 6px}h2{font-size:20px;margin:36px 0 12px;border-bottom:2px solid #e3e6eb;padding-bottom:6px}
            h3{font-size:16px;margin:22px 0 8px;color:#39465c}
            .desc{max-width:900px;line-height:1.5;color:#39465c}.meta{color:#6b778c;font-size:13px}
            .card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(20,30,50,.12);padding:16px 18px;overflow-x:auto}
            .fit{width:fit-content;max-width:100%;box-sizing:border-box}
            table{border-collapse:collapse;font-size:13.5px;font-variant-numeric:tabular-nums}
            th,td{padding:6px 12px;border-bottom:1px solid #eceef2}td{white-space:nowrap}
            th{background:#f0f2f6;font-weight:600;text-align:right;vertical-align:bottom;min-width:6em}th:first-child,td:first-child{text-align:left}
            td{text-align:right}tbody tr:hover{background:#f7f9fc}
            .plots{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:16px}
            .plots img{width:100%;height:auto;display:block}
            .strip{display:flex;gap:12px;flex-wrap:nowrap;overflow-x:auto;align-items:flex-start;padding-bottom:4px}
            figure{margin:0}figure img{display:block;border-radius:4px;background:#ddd}
            figcaption{font-size:12.5px;color:#39465c;margin-top:4px;max-width:320px}
            figure.result figcaption{font-weight:600;color:#1d5fb4}
            .px{image-rendering:pixelated}
            .status{font-size:12px;padding:2px 8px;border-radius:10px;background:#e3e6eb}
            .finished{background:#d9f2e0;color:#1f6b35}.interrupted,.started{background:#fff1cc;color:#7a5800}
            .failed{background:#fbdada;color:#8f1d1d}.pending{background:#e3e6eb;color:#5a6577}
            .run{margin-bottom:18px}.run-id{font-family:ui-monospace,monospace;font-size:13px;color:#39465c}
            """;

    private HtmlReport() {}

    /** Writes {@code folder/report.html} for {@code plan}, with {@code table} and {@code plots} already built. */
    public static Path write(ExperimentPlan plan, Path folder, ResultTable table, Map<String, Path> plots) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(Html.escape(plan.title())).append("</title><style>").append(CSS)
                .append("</style></head><body><main>\n");
        List<RunStatus> statuses = plan.runs().stream().map(r -> RunStatus.of(folder.resolve(r.id()))).toList();
        long finished = statuses.stream().filter(s -> s.state() == RunStatus.State.FINISHED).count();
        h.append("<h1>").append(Html.escape(plan.title())).append("</h1>\n");
        if (!plan.description().isBlank()) {
            h.append("<p class=\"desc\">").append(Html.escape(plan.description())).append("</p>\n");
        }
        h.append("<p class=\"meta\">").append(finished).append(" of ").append(plan.runs().size())
                .append(" runs finished · ").append(plan.seeds().size()).append(plan.seeds().size() == 1 ? " seed" : " seeds")
                .append(" · ").append(Html.escape(plan.file().getFileName().toString())).append(" · generated ")
                .append(Html.escape(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))))
                .append("</p>\n");

        h.append("<h2>Table</h2>\n<div class=\"card fit\">");
        table(h, table);
        h.append("</div>\n");
        if (plan.seeds().size() > 1) {
            h.append("<p class=\"meta\">Cells: mean ± sample standard deviation over the seeds; (n=k) where fewer "
                    + "seeds have finished.</p>\n");
        }

        if (!plots.isEmpty()) {
            h.append("<h2>Curves over iterations</h2>\n<div class=\"plots\">");
            plots.forEach((metric, file) -> h.append("<div class=\"card\"><img alt=\"")
                    .append(Html.escape(plan.table().label(metric) + " over iterations")).append("\" src=\"")
                    .append(Html.pngDataUri(file)).append("\"></div>"));
            h.append("</div>\n");
        }

        h.append("<h2>Images</h2>\n");
        plan.byConfiguration().forEach((config, runs) -> {
            h.append("<h3>").append(Html.escape(plan.table().label(config.label()))).append("</h3>\n");
            for (PlannedRun run : runs) {
                images(h, plan, folder.resolve(run.id()), run);
            }
        });

        h.append("<h2>Runs</h2>\n<div class=\"card fit\"><table><thead><tr><th>run</th><th>status</th><th>iterations</th>"
                + "<th>time</th></tr></thead><tbody>");
        for (int i = 0; i < plan.runs().size(); i++) {
            RunStatus s = statuses.get(i);
            h.append("<tr><td class=\"run-id\">").append(Html.escape(plan.runs().get(i).id())).append("</td><td>")
                    .append(badge(s)).append("</td><td>").append(s.iterations() < 0 ? "" : s.iterations())
                    .append("</td><td>").append(s.seconds() < 0 ? "" : duration(s.seconds())).append("</td></tr>");
        }
        h.append("</tbody></table></div>\n");
        ProvenanceSection.append(h, plan.runs().stream().map(r -> folder.resolve(r.id())).toList());
        h.append("</main></body></html>\n");
        Path file = folder.resolve(FILE);
        ResultTable.writeText(file, h.toString());
        return file;
    }

    private static void table(StringBuilder h, ResultTable table) {
        h.append("<table><thead><tr><th>").append(Html.escape(table.rowHeader())).append("</th>");
        table.columns().forEach(c -> h.append("<th>").append(Html.escape(c.label())).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (ResultTable.Row r : table.rows()) {
            h.append("<tr><td>").append(Html.escape(r.label())).append("</td>");
            for (int i = 0; i < r.cells().size(); i++) {
                h.append("<td>").append(Html.escape(table.cell(i, r.cells().get(i)))).append("</td>");
            }
            h.append("</tr>");
        }
        if (table.rows().isEmpty()) {
            h.append("<tr><td colspan=\"").append(table.columns().size() + 1).append("\">no finished run yet</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static void images(StringBuilder h, ExperimentPlan plan, Path runFolder, PlannedRun run) {
        RunStatus status = RunStatus.of(runFolder);
        h.append("<div class=\"run\"><p class=\"run-id\">").append(Html.escape(run.id())).append(' ')
                .append(badge(status)).append("</p>");
        if (status.state() != RunStatus.State.FINISHED) {
            h.append("</div>\n");
            return;
        }
        Config summary = ConfigFactory.parseFile(runFolder.resolve(SingleRun.SUMMARY).toFile());
        boolean smoothed = "denoise".equals(summary.getString("task"));
        h.append("<div class=\"strip\">");
        for (RunImages.Picture p : RunImages.of(runFolder, smoothed)) {
            int[] size = displaySize(p.file());
            h.append("<figure style=\"width:").append(size[0]).append("px\"")
                    .append(p.isResult() ? " class=\"result\"" : "").append("><img alt=\"")
                    .append(Html.escape(p.caption())).append("\" width=\"").append(size[0]).append("\" height=\"")
                    .append(size[1]).append("\"").append(size[2] == 1 ? " class=\"px\"" : "").append(" src=\"")
                    .append(Html.pngDataUri(p.file())).append("\"><figcaption>").append(Html.escape(p.caption()));
            if (p.isResult() && p.file().getFileName().toString().equals("result.png")) {
                h.append("<br>").append(Html.escape(finalMetrics(plan, summary)));
            }
            h.append("</figcaption></figure>");
        }
        h.append("</div></div>\n");
    }

    /**
     * Width, height and whether pixels are enlarged: every image of a strip is shown at the same
     * height, so a low-resolution input lines up with the results; enlarged pixels stay sharp.
     */
    private static int[] displaySize(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            double scale = (double) STRIP_HEIGHT / img.getHeight();
            if (img.getWidth() * scale > MAX_WIDTH) {
                scale = (double) MAX_WIDTH / img.getWidth();
            }
            return new int[] {(int) Math.round(img.getWidth() * scale), (int) Math.round(img.getHeight() * scale),
                    scale >= 1.5 ? 1 : 0};
        } catch (IOException e) {
            return new int[] {STRIP_HEIGHT, STRIP_HEIGHT, 0};
        }
    }

    private static String finalMetrics(ExperimentPlan plan, Config summary) {
        StringBuilder s = new StringBuilder();
        Config m = summary.getConfig("metrics");
        List<String> wanted = plan.plotMetrics().isEmpty() ? List.copyOf(summary.getObject("metrics").keySet())
                : plan.plotMetrics();
        int shown = 0;
        for (String id : wanted) {
            if (shown < 3 && m.hasPath("\"" + id + "\"") && !m.getIsNull("\"" + id + "\"")) {
                s.append(shown++ > 0 ? ", " : "").append(plan.table().label(id)).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", m.getDouble("\"" + id + "\"")));
            }
        }
        s.append(shown > 0 ? " · " : "").append(summary.getInt("iterations")).append(" it");
        return s.toString();
    }

    private static String badge(RunStatus s) {
        String name = s.state().name().toLowerCase(Locale.ROOT);
        String text = s.error() == null ? name : name + ": " + s.error();
        return "<span class=\"status " + name + "\">" + Html.escape(text) + "</span>";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
