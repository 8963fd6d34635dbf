package io.tradecredit.devstack.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * acme's company seal (公章) for the demo: a red double ring with a five-pointed star, drawn without any
 * font (a headless JDK may have none), as a PNG with a transparent background. notification-service
 * sets the seal over the signature of the finance department's demand (the default ladder's +30 step)
 * and refuses to make that letter for a tenant that has uploaded none, so without it every +30 letter of
 * the demo failed (docs/notification-service.md, "The company seal").
 */
final class DemoSeal {
    static final int SIZE = 240;
    static final Color RED = new Color(0xD0, 0x10, 0x10);

    private DemoSeal() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(RED);
            g.setStroke(new BasicStroke(10f));
            g.drawOval(8, 8, SIZE - 16, SIZE - 16);
            g.setStroke(new BasicStroke(3f));
            g.drawOval(24, 24, SIZE - 48, SIZE - 48);
            g.fillPolygon(star(SIZE / 2.0, SIZE / 2.0, 58, 23));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Polygon star(double cx, double cy, double outer, double inner) {
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) Math.round(cx + r * Math.cos(angle)), (int) Math.round(cy + r * Math.sin(angle)));
        }
        return star;
    }
}
