package io.tradecredit.notification;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test images (a red company seal, a logo) and what a PDF says when read back with PDFBox. */
public final class Pdfs {
    private Pdfs() {
    }

    /** A red round seal of {@code side} pixels, as a PNG. */
    public static byte[] sealPng(int side) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 0, 0, 200));
        g.setStroke(new BasicStroke(side / 20f));
        g.drawOval(side / 20, side / 20, side - side / 10, side - side / 10);
        g.fillPolygon(new int[] {side / 2, side * 6 / 10, side * 4 / 10}, new int[] {side / 3, side * 6 / 10, side * 6 / 10}, 3);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a PDF holds, read back with PDFBox. */
    public record Read(String text, int pages, List<PDRectangle> mediaBoxes, List<String> fonts, boolean allFontsEmbedded,
            List<Integer> imagesPerPage, List<Integer> imageWidths) {
    }

    public static Read read(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            List<PDRectangle> boxes = new ArrayList<>();
            List<String> fonts = new ArrayList<>();
            List<Integer> images = new ArrayList<>();
            List<Integer> widths = new ArrayList<>();
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                boxes.add(page.getMediaBox());
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName());
                    embedded &= f.isEmbedded();
                }
                images.add(images(page.getResources(), widths));
            }
            return new Read(text, doc.getNumberOfPages(), boxes, fonts, embedded, images, widths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each page, in order (PDFBox's text of that page alone). */
    public static List<String> pageTexts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                out.add(stripper.getText(doc));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The images drawn from {@code resources}, also inside form XObjects (a letter's logo and seal are imported as forms). */
    private static int images(org.apache.pdfbox.pdmodel.PDResources resources, List<Integer> widths) throws IOException {
        int count = 0;
        for (COSName name : resources.getXObjectNames()) {
            var x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                count++;
                widths.add(image.getWidth());
            } else if (x instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form && form.getResources() != null) {
                count += images(form.getResources(), widths);
            }
        }
        return count;
    }
}
