package org.dip4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's plugin guide as a newcomer follows it: every code block marked
 * {@code <!-- file: PATH -->} is that file of {@code examples/l1-loss-java} word for word, the
 * Java files compile against dip-api and dip-testkit, and the Kotlin blocks import only classes
 * that exist.
 */
class ReadmePluginGuideTests {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MARKED = Pattern.compile("<!-- file: (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern KOTLIN = Pattern.compile("```kotlin\\n(.*?)\\n```", Pattern.DOTALL);

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static Map<String, String> markedBlocks() throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = MARKED.matcher(readme());
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    @Test
    void everyMarkedBlockIsItsFileWordForWordAndTheProjectIsComplete() throws IOException {
        Map<String, String> blocks = markedBlocks();
        String project = "examples/l1-loss-java/";
        assertThat(blocks.keySet()).contains(project + "pom.xml", project + "src/main/java/org/example/L1Loss.java",
                project + "src/test/java/org/example/L1LossContractTests.java",
                project + "src/main/resources/META-INF/services/org.dip4j.spi.Loss",
                project + "src/main/resources/reference.conf");
        for (Map.Entry<String, String> b : blocks.entrySet()) {
            assertThat(b.getValue()).as(b.getKey()).isEqualTo(Files.readString(ROOT.resolve(b.getKey())).stripTrailing());
        }
    }

    @Test
    void theJavaFilesCompileAgainstTheApiAndTheTestkit(@TempDir Path out) throws IOException {
        List<String> sources = new ArrayList<>();
        for (String path : markedBlocks().keySet()) {
            if (path.endsWith(".java")) {
                sources.add(ROOT.resolve(path).toString());
            }
        }
        assertThat(sources).hasSize(2);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none",
                "-classpath", System.getProperty("java.class.path"), "-d", out.toString()));
        args.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(code).as(errors.toString()).isZero();
        assertThat(out.resolve("org/example/L1Loss.class")).exists();
        assertThat(out.resolve("org/example/L1LossContractTests.class")).exists();
    }

    @Test
    void theKotlinBlocksImportClassesThatExist() throws IOException {
        Matcher m = KOTLIN.matcher(readme());
        int imports = 0;
        while (m.find()) {
            for (String line : m.group(1).lines().toList()) {
                if (line.startsWith("import ")) {
                    String name = line.substring("import ".length()).trim();
                    assertThat(exists(name)).as(line).isTrue();
                    imports++;
                }
            }
        }
        assertThat(imports).isGreaterThanOrEqualTo(6);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ReadmePluginGuideTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
