package io.tradecredit.notification.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import io.tradecredit.notification.domain.Proof;

/**
 * A letter's image (the tenant's logo or seal, a PNG) as a one-page PDF whose page is the image, made once per
 * image and imported by every letter that prints it. Given the PNG itself, openhtmltopdf has PDFBox decode it and
 * compress it again for every PDF (for a seal with transparency a fifth of a letter's CPU, docs/performance.md);
 * a page of another PDF it imports as a form, the image's compressed streams copied as they are. Kept by the
 * PNG's SHA-256, the most recently used {@code kept} of them: an image's bytes say everything about its page, so
 * two tenants with the same image share nothing but what either would get.
 */
final class ImagePages {
    private final Map<String, byte[]> pages;
    private final AtomicInteger made = new AtomicInteger();

    ImagePages(int kept) {
        pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > kept;
            }
        };
    }

    /** The PDF whose one page is {@code png}, one image pixel a CSS pixel (1/96 in) as openhtmltopdf sizes an image. */
    byte[] pageOf(byte[] png) {
        String key = Proof.sha256(png);
        synchronized (pages) {
            byte[] page = pages.get(key);
            if (page != null) {
                return page;
            }
        }
        byte[] page = make(png);
        synchronized (pages) {
            pages.putIfAbsent(key, page);
            return pages.get(key);
        }
    }

    /** How many pages were made (an image seen again is not made again). */
    int made() {
        return made.get();
    }

    private byte[] make(byte[] png) {
        made.incrementAndGet();
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(doc, png, "letter-image.png");
            float width = image.getWidth() * 72f / 96f;
            float height = image.getHeight() * 72f / 96f;
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, width, height);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a letter's image cannot be made into a page", e);
        }
    }
}
