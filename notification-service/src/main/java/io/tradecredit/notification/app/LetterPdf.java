package io.tradecredit.notification.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.tradecredit.notification.domain.LetterPage;

/**
 * Makes a letter's PDF from its page ({@link LetterPage}) with openhtmltopdf, embedding (as a
 * subset) the fonts shipped in {@code resources/fonts}: Droid Sans Fallback, which has the Chinese
 * glyphs, and Arimo for the Latin ones Droid Sans Fallback lacks. Nothing is read from the host's
 * fonts; they are parsed once ({@link ShippedFonts}), not per letter, and the tenant's logo and seal are
 * made into PDF pages once ({@link ImagePages}), not re-encoded per letter. Blocking and CPU-bound:
 * callers run it off the event loop.
 */
public final class LetterPdf {
    /** As many renders at once as the service has CPUs (at least two), each with its own parsed fonts. */
    private static final ShippedFonts FONTS = new ShippedFonts(Math.max(2, Runtime.getRuntime().availableProcessors()));
    /** The tenants' logos and seals made into pages, each once (a few tenants' images at a time are in use). */
    static final ImagePages IMAGES = new ImagePages(64);
    /** The scheme the page's images are read from during a render: {@link LetterPage#LOGO_SRC}, {@link LetterPage#SEAL_SRC}. */
    private static final String IMAGE_SCHEME = LetterPage.SEAL_SRC.substring(0, LetterPage.SEAL_SRC.indexOf(':'));

    private LetterPdf() {
    }

    /** The PDF of {@code xhtml}, with {@code logo} and {@code seal} (PNG, null when none) where the page names them. */
    public static byte[] render(String xhtml, byte[] logo, byte[] seal) {
        return render(FONTS, xhtml, logo, seal);
    }

    static byte[] render(ShippedFonts shipped, String xhtml, byte[] logo, byte[] seal) {
        // an image is named as a PDF page (openhtmltopdf imports a page ending in .pdf as it is), read from this render's
        Map<String, byte[]> images = new HashMap<>();
        String page = xhtml.replace(LetterPage.LOGO_SRC, pdfSrc(LetterPage.LOGO_SRC, logo, images))
                .replace(LetterPage.SEAL_SRC, pdfSrc(LetterPage.SEAL_SRC, seal, images));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ShippedFonts.Parsed fonts = shipped.borrow();
        try (PDDocument doc = new PDDocument()) {
            new PdfRendererBuilder().useFastMode().usePDDocument(doc)
                    .useFont(ShippedFonts.Parsed.in(doc, fonts.latin()), LetterPage.LATIN_FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(ShippedFonts.Parsed.in(doc, fonts.cjk()), LetterPage.FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useProtocolsStreamImplementation(url -> new ImageStream(images.get(url)), IMAGE_SCHEME)
                    .withHtmlContent(page, null).toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter's PDF cannot be made", e);
        } finally {
            shipped.giveBack(fonts);
        }
        return out.toByteArray();
    }

    private static String pdfSrc(String placeholder, byte[] png, Map<String, byte[]> images) {
        if (png == null) {
            return "";
        }
        String src = placeholder + ".pdf";
        images.put(src, IMAGES.pageOf(png));
        return src;
    }

    /** One of the page's images, as openhtmltopdf reads it. */
    private record ImageStream(byte[] pdf) implements FSStream {
        @Override
        public InputStream getStream() {
            return pdf == null ? null : new ByteArrayInputStream(pdf);
        }

        @Override
        public Reader getReader() {
            return null;
        }
    }
}
