package org.dip4j.tasks.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dip4j.api.DipException;
import org.dip4j.api.Image;
import org.dip4j.api.Images;

/**
 * A comparison figure: images of one size in a row, left to right, separated by white gaps, with
 * a white caption strip underneath naming each panel.
 */
public final class SideBySide {
    /** White pixels between neighbouring panels. */
    public static final int GAP = 8;
    /** Height of the caption strip under the panels. */
    public static final int CAPTION_HEIGHT = 24;

    private SideBySide() {}

    /** One panel of the figure: an RGB or greyscale image and the caption under it. */
    public record Panel(String caption, Image image) {}

    /** The figure's width for {@code panels} panels of width {@code panelWidth}. */
    public static int width(int panels, int panelWidth) {
        return panels * panelWidth + (panels - 1) * GAP;
    }

    /** The figure's height for panels of height {@code panelHeight}. */
    public static int height(int panelHeight) {
        return panelHeight + CAPTION_HEIGHT;
    }

    /** Renders the panels (all of one height and width) as an 8-bit RGB image. */
    public static BufferedImage render(List<Panel> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        int h = panels.get(0).image().height();
        int w = panels.get(0).image().width();
        for (Panel p : panels) {
            if (p.image().height() != h || p.image().width() != w) {
                throw new IllegalArgumentException("panel '" + p.caption() + "' is " + p.image().shape()
                        + ", the first panel " + h + "×" + w);
            }
        }
        BufferedImage out = new BufferedImage(width(panels.size(), w), height(h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                int left = i * (w + GAP);
                paint(out, panels.get(i).image(), left);
                caption(g, panels.get(i).caption(), left, w, h);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Renders the panels and writes them as a PNG. */
    public static void write(List<Panel> panels, Path file) {
        BufferedImage figure = render(panels);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(figure, "png", file.toFile())) {
                throw new DipException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new DipException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void paint(BufferedImage out, Image image, int left) {
        Image rgb = image.expandChannels(3);
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                int r = Images.quantise(rgb.get(0, y, x));
                int gr = Images.quantise(rgb.get(1, y, x));
                int b = Images.quantise(rgb.get(2, y, x));
                out.setRGB(left + x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static void caption(Graphics2D g, String text, int left, int panelWidth, int panelHeight) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        FontMetrics fm = g.getFontMetrics();
        int x = left + Math.max(0, (panelWidth - fm.stringWidth(text)) / 2);
        int y = panelHeight + (CAPTION_HEIGHT + fm.getAscent() - fm.getDescent()) / 2;
        // Clip to the panel's column so a long caption does not run into the next one.
        g.setClip(left, panelHeight, panelWidth, CAPTION_HEIGHT);
        g.drawString(text, x, y);
        g.setClip(null);
    }
}
