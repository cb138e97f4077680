package org.dip4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Images#readRgb} against Pillow's decoding of every PNG and JPEG kind the reader accepts
 * (files and values from {@code reader/make_reader_golden.py}, see {@code reader/PROVENANCE.md}).
 */
class ImageReaderTests {
    /** One file of {@code pillow-values.txt}: its name and Pillow's RGB planes over {@code scale}. */
    record Expected(String file, double scale, int height, int width, long[] samples) {
        @Override public String toString() {
            return file;
        }
    }

    static Stream<Expected> pillowValues() throws IOException {
        List<String> lines = Files.readAllLines(folder().resolve("pillow-values.txt"));
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] head = line.split("#")[0].trim().split("\\s+");
            String[] values = lines.get(++i).trim().split("\\s+");
            long[] samples = new long[values.length];
            for (int k = 0; k < values.length; k++) {
                samples[k] = Long.parseLong(values[k]);
            }
            out.add(new Expected(head[0], Double.parseDouble(head[1]), Integer.parseInt(head[2]),
                    Integer.parseInt(head[3]), samples));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pillowValues")
    void readsEveryKindAsPillowDoes(Expected expected) throws IOException {
        Image image = Images.readRgb(folder().resolve(expected.file()));
        assertEquals(3, image.channels());
        assertEquals(expected.height(), image.height());
        assertEquals(expected.width(), image.width());
        // JPEG decoders may differ in the IDCT's and the chroma upsampling's rounding; PNG may not.
        double tolerance = expected.file().endsWith(".jpg") ? JPEG_TOLERANCE : 1e-12;
        double[] actual = image.toArray();
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.samples()[i] / expected.scale()));
        }
        assertTrue(worst <= tolerance, expected.file() + ": largest difference from Pillow " + worst * 255
                + "/255, allowed " + tolerance * 255 + "/255");
    }

    /** Measured: ImageIO's and libjpeg-turbo's decodings of these files differ by at most this. */
    private static final double JPEG_TOLERANCE = 1.0 / 255 + 1e-12;

    @Test
    void sixteenBitGreyEqualsTheEightBitValuesItScales() {
        Image g8 = Images.readRgb(folder().resolve("grey8.png"));
        Image g16 = Images.readRgb(folder().resolve("grey16_x257.png"));
        assertEquals(0.0, maxDifference(g8, g16), 1e-12);
    }

    @Test
    void transparencyIsReportedOnceAndOnlyWhenSomePixelIsNotOpaque() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(Images.class);
        log.start();
        logger.addAppender(log);
        try {
            for (String opaque : new String[] {"rgb8.png", "grey16.png", "palette8.png", "rgb420.jpg"}) {
                Images.readRgb(folder().resolve(opaque));
            }
            assertEquals(List.of(), log.list);
            for (String transparent : new String[] {"rgba8.png", "grey_alpha16_x257.png", "palette_trns.png"}) {
                log.list.clear();
                Images.readRgb(folder().resolve(transparent));
                assertEquals(1, log.list.size(), transparent);
                assertEquals(Level.WARN, log.list.get(0).getLevel());
                assertTrue(log.list.get(0).getFormattedMessage().contains(transparent)
                        && log.list.get(0).getFormattedMessage().contains("transparency ignored"));
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    private static double maxDifference(Image a, Image b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }

    static Path folder() {
        try {
            return Path.of(ImageReaderTests.class.getResource("/reader/pillow-values.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
