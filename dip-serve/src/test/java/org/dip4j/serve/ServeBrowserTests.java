package org.dip4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dip4j.api.Image;
import org.dip4j.api.Images;
import org.dip4j.api.PluginRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The page in a real browser (headless Chromium through chromedriver): upload an image, paint a
 * mask with the mouse, start a 10-iteration inpainting run, watch the curve grow and the result
 * appear. Screenshots go to {@code target/serve-screenshots/}.
 */
class ServeBrowserTests {
    private static final Path SCREENSHOTS = Path.of("target/serve-screenshots");

    static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(names).flatMap(n -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void paintAMaskRunAnInpaintingAndWatchItLive(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driverBinary = onPath("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driverBinary.isPresent(),
                "the browser test needs chromium and chromedriver on PATH (Debian: apt-get install -y chromium"
                        + " chromium-driver; .ci/run installs them)");
        Path imageFile = dir.resolve("picture.png");
        Images.writePng(Image.generate(3, 64, 64, (c, y, x) -> 0.5 + 0.4 * Math.sin(x / 6.0 + 2 * c) * Math.cos(y / 9.0)),
                imageFile);
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.get().toFile()).usingAnyFreePort().build();
        try (DipServer server = DipServer.start(new DipServer.Options("127.0.0.1", 0, dir.resolve("runs"), 1, null, 1 << 22),
                PluginRegistry.load(), Thread.currentThread().getContextClassLoader())) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                run(browser, server, imageFile);
            } finally {
                browser.quit();
            }
        }
    }

    private static void run(ChromeDriver browser, DipServer server, Path imageFile) throws Exception {
        JavascriptExecutor js = browser;
        browser.get(server.uri() + "#/new");
        waitFor("the form", () -> !browser.findElements(By.cssSelector("#task option[value=inpaint]")).isEmpty());
        browser.findElement(By.cssSelector("#task option[value=inpaint]")).click();
        browser.findElement(By.id("iterations")).sendKeys("10");
        browser.findElement(By.id("set")).sendKeys(ServeApiTests.TINY + "dip.run.log-every = 1\ndip.run.snapshot-every = 2\n");
        browser.findElement(By.id("file-image")).sendKeys(imageFile.toAbsolutePath().toString());
        WebElement canvas = browser.findElement(By.id("mask-canvas"));
        waitFor("the image in the painter", () -> "64".equals(canvas.getDomProperty("width")));

        // A stroke with the brush, an L across the middle of the image (shown at 6×: 384 px).
        new Actions(browser).moveToElement(canvas, -100, -30).clickAndHold().moveByOffset(60, 0).moveByOffset(60, 0)
                .moveByOffset(0, 60).release().perform();
        long painted = (Long) js.executeScript("const c = document.getElementById('mask-canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
        assertThat(painted).as("painted pixels").isBetween(100L, 64L * 64 / 2);
        Files.write(SCREENSHOTS.resolve("new-run.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("start")).click();
        waitFor("the run page", () -> browser.getCurrentUrl().contains("#/run/inpaint-"));
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("#/run/") + 6);
        waitFor("the end of the run", () -> browser.findElement(By.id("run-status")).getText().matches("done|failed|stopped"));
        assertThat(browser.findElement(By.id("run-status")).getText()).as(browser.findElement(By.id("run-error")).getText())
                .isEqualTo("done");

        // The curve was drawn while the run was going, once per logged point (log-every = 1).
        WebElement curve = browser.findElement(By.id("curve"));
        Path folder = server.runs().resolve(id);
        long rows = Files.readAllLines(folder.resolve("metrics.csv")).size() - 1;
        assertThat(rows).isGreaterThanOrEqualTo(10);
        assertThat(curve.getDomAttribute("data-points")).isEqualTo(String.valueOf(rows));
        assertThat(Integer.parseInt(curve.getDomAttribute("data-live-draws"))).isGreaterThanOrEqualTo(1);

        // The result appears, with the metrics and downloads.
        WebElement result = browser.findElement(By.id("run-image"));
        waitFor("the result image", () -> "result.png".equals(result.getDomAttribute("data-file"))
                && Boolean.TRUE.equals(js.executeScript("return arguments[0].complete && arguments[0].naturalWidth === 64;", result)));
        waitFor("the metrics table", () -> !browser.findElements(By.cssSelector("#run-metrics td")).isEmpty());
        assertThat(browser.findElement(By.id("run-metrics")).getText()).contains("psnr");
        assertThat(browser.findElement(By.id("downloads")).getText()).contains("result.png", "run.conf", "metrics.csv");

        // The painted stroke reached the run as its mask: black (missing) pixels, the rest white.
        Image mask = Images.readMask(folder.resolve("inputs/mask.png"));
        long holes = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                holes += mask.get(0, y, x) == 0 ? 1 : 0;
            }
        }
        assertThat(holes).isEqualTo(painted);
        Files.write(SCREENSHOTS.resolve("run-page.png"), browser.getScreenshotAs(OutputType.BYTES));

        // The runs list shows it; comparing it with itself draws two panels and a metrics column each.
        browser.get(server.uri() + "#/");
        waitFor("the runs list", () -> !browser.findElements(By.cssSelector("#runs tr[data-id='" + id + "']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#runs tr[data-id='" + id + "']")).getText()).contains("inpaint", "done");
        Files.write(SCREENSHOTS.resolve("runs.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.get(server.uri() + "#/compare/" + id + "," + id);
        waitFor("the comparison", () -> browser.findElements(By.cssSelector("#compare canvas")).size() == 2
                && !browser.findElements(By.cssSelector("#compare-metrics td")).isEmpty());
        waitFor("the images drawn", () -> Boolean.TRUE.equals(js.executeScript("return [...document.querySelectorAll("
                + "'#compare canvas')].every(c => c.getContext('2d').getImageData(160, 160, 1, 1).data[3] > 0);")));
        assertThat(browser.findElement(By.id("compare-metrics")).getText()).contains("psnr", "10 / 10");
        Files.write(SCREENSHOTS.resolve("compare.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
