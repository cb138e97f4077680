package org.dip4j.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The report's provenance section, from the runs' {@code provenance.json}: the versions, backend
 * and native build the runs used (every distinct value, so a mixed experiment shows it), and
 * every input file with its size and SHA-256.
 */
final class ProvenanceSection {
    /** The engine writes this file; its name is repeated here so the report needs no engine class. */
    static final String FILE = "provenance.json";
    private static final String[][] FIELDS = {{"dip4j", "dip4j"}, {"nd4j", "ND4J"}, {"backend", "backend"},
            {"native_build", "native build"}, {"convolutions", "convolutions"}, {"java", "Java"}, {"os", "OS"}};

    private ProvenanceSection() {}

    /** Appends the section for the given run folders; nothing when no run has a provenance file. */
    static void append(StringBuilder h, List<Path> runFolders) {
        List<Config> records = new ArrayList<>();
        for (Path folder : runFolders) {
            Path file = folder.resolve(FILE);
            if (Files.isRegularFile(file)) {
                try {
                    records.add(ConfigFactory.parseFile(file.toFile()));
                } catch (ConfigException e) {
                    // A damaged record is left out; the run's own folder still has it to inspect.
                }
            }
        }
        if (records.isEmpty()) {
            return;
        }
        h.append("<h2>Provenance</h2>\n<div class=\"card fit\"><table><tbody>");
        for (String[] field : FIELDS) {
            Set<String> values = new LinkedHashSet<>();
            for (Config r : records) {
                if (r.hasPath(field[0])) {
                    values.add(r.getValue(field[0]).unwrapped().toString());
                }
            }
            h.append("<tr><th>").append(Html.escape(field[1])).append("</th><td>")
                    .append(Html.escape(String.join("; ", values))).append("</td></tr>");
        }
        h.append("</tbody></table></div>\n");

        Map<String, String[]> inputs = new TreeMap<>();
        for (Config r : records) {
            if (!r.hasPath("inputs")) {
                continue;
            }
            for (Config in : r.getConfigList("inputs")) {
                String path = in.getString("path");
                String sha = in.getString("sha256");
                inputs.putIfAbsent(path + "\u0000" + sha, new String[] {path, Long.toString(in.getLong("bytes")), sha});
            }
        }
        if (!inputs.isEmpty()) {
            h.append("<div class=\"card fit\" style=\"margin-top:12px\"><table><thead><tr><th>input file</th>"
                    + "<th>bytes</th><th>SHA-256</th></tr></thead><tbody>");
            for (String[] in : inputs.values()) {
                h.append("<tr><td>").append(Html.escape(in[0])).append("</td><td>").append(in[1])
                        .append("</td><td class=\"run-id\">").append(Html.escape(in[2])).append("</td></tr>");
            }
            h.append("</tbody></table></div>\n");
        }
        h.append("<p class=\"meta\">From the runs' ").append(FILE)
                .append(" (each run folder also has its command line, seed and plugin versions).</p>\n");
    }
}
