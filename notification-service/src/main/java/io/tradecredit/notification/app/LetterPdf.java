package io.tradecredit.notification.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import org.apache.pdfbox.pdmodel.PDDocument;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.tradecredit.notification.domain.LetterPage;

/**
 * Makes a letter's PDF from its page ({@link LetterPage}) with openhtmltopdf, embedding (as a
 * subset) the fonts shipped in {@code resources/fonts}: Droid Sans Fallback, which has the Chinese
 * glyphs, and Arimo for the Latin ones Droid Sans Fallback lacks. Nothing is read from the host's
 * fonts; they are parsed once ({@link ShippedFonts}), not per letter. Blocking and CPU-bound:
 * callers run it off the event loop.
 */
public final class LetterPdf {
    /** As many renders at once as the service has CPUs (at least two), each with its own parsed fonts. */
    private static final ShippedFonts FONTS = new ShippedFonts(Math.max(2, Runtime.getRuntime().availableProcessors()));

    private LetterPdf() {
    }

    /** The PDF of {@code xhtml}, with {@code logo} and {@code seal} (PNG, null when none) where the page names them. */
    public static byte[] render(String xhtml, byte[] logo, byte[] seal) {
        return render(FONTS, xhtml, logo, seal);
    }

    static byte[] render(ShippedFonts shipped, String xhtml, byte[] logo, byte[] seal) {
        String page = xhtml.replace(LetterPage.LOGO_SRC, dataUri(logo)).replace(LetterPage.SEAL_SRC, dataUri(seal));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ShippedFonts.Parsed fonts = shipped.borrow();
        try (PDDocument doc = new PDDocument()) {
            new PdfRendererBuilder().useFastMode().usePDDocument(doc)
                    .useFont(ShippedFonts.Parsed.in(doc, fonts.latin()), LetterPage.LATIN_FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(ShippedFonts.Parsed.in(doc, fonts.cjk()), LetterPage.FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .withHtmlContent(page, null).toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter's PDF cannot be made", e);
        } finally {
            shipped.giveBack(fonts);
        }
        return out.toByteArray();
    }

    private static String dataUri(byte[] png) {
        return png == null ? "" : "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
