package org.dip4j.tasks.inpaint;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import org.dip4j.api.Image;

/**
 * A mask with text drawn in black (missing) on white (known), like the reference's unused
 * {@code get_text_mask}. The text is repeated along lines that fill the whole image, one blank
 * line height between them, so that the hidden strokes spread over every region. Glyphs come
 * from the JVM's bold sans-serif font, rendered without anti-aliasing (a binary mask); fonts
 * differ between machines, so the exact pixels may too.
 */
final class TextMask {
    private TextMask() {}

    static Image create(int height, int width, String text, int fontSize) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            FontMetrics metrics = g.getFontMetrics();
            String unit = text + " ";
            int step = Math.max(1, metrics.stringWidth(unit));
            int lineStep = 2 * metrics.getHeight();
            for (int baseline = metrics.getAscent(); baseline - metrics.getAscent() < height; baseline += lineStep) {
                for (int x = 0; x < width; x += step) {
                    g.drawString(unit, x, baseline);
                }
            }
        } finally {
            g.dispose();
        }
        Raster raster = canvas.getRaster();
        return Image.generate(1, height, width, (c, y, x) -> raster.getSample(x, y, 0) > 127 ? 1.0 : 0.0);
    }
}
