package org.dip4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dip4j.cli.CliTests.dip;
import static org.dip4j.cli.CliTests.tinyDenoise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the README and the sources say about the repository holds (issue 18 item 21). */
class ReadmeFactsTests {
    private static final Path ROOT = Path.of("..");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void theRunFolderTableNamesEveryFileARunWrites(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliTests.Outcome o = dip(tinyDenoise(out, "--set", "dip.run.snapshot-every=3",
                "--set", "dip.run.early-stop.enabled=true"));
        assertThat(o.code()).as(o.err()).isZero();
        String readme = readme();
        String table = readme.substring(readme.indexOf("| file | content |"), readme.indexOf("## Experiments"));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                assertThat(table).as(name).contains("`" + (Files.isDirectory(f) ? name + "/" : name));
            }
        }
        assertThat(table).contains("peak_rss_mb", "off by default");
    }

    @Test
    void theReadmeHardCodesNoTestCountAndLinksOnlyToFilesThatExist() throws IOException {
        String readme = readme();
        assertThat(Pattern.compile("\\d[\\d,]* tests").matcher(readme).find()).isFalse();
        Matcher links = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(readme);
        int checked = 0;
        while (links.find()) {
            assertThat(ROOT.resolve(links.group(1))).as(links.group(0)).exists();
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void sourcesAndConfigsNameNoMarkdownFileOutsideTheRepository() throws IOException {
        Pattern named = Pattern.compile("[A-Za-z0-9_./-]*[A-Z][A-Za-z0-9_-]*\\.md");
        List<String> missing = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("pom.xml"));
        for (String folder : new String[] {"config", "dip-api", "dip-samediff", "dip-losses", "dip-metrics",
                "dip-tasks", "dip-experiments", "dip-cli", "dip-testkit", "dip-spark", "dip-bench"}) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
                walk.filter(p -> !p.toString().contains("/target/") && Files.isRegularFile(p))
                        .filter(p -> p.toString().matches(".*\\.(java|conf|xml|properties)$")).forEach(files::add);
            }
        }
        java.util.Set<String> present;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            present = walk.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
        for (Path f : files) {
            Matcher m = named.matcher(Files.readString(f));
            while (m.find()) {
                String name = m.group();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!present.contains(base) && !aroundSaysOutside(Files.readString(f), m.start())) {
                    missing.add(ROOT.relativize(f) + ": " + name);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean aroundSaysOutside(String text, int at) {
        String around = text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 120));
        return around.contains("not in this repository") || around.contains("outside this repository");
    }
}
