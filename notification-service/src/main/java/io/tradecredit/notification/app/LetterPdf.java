package io.tradecredit.notification.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.tradecredit.notification.domain.LetterPage;

/**
 * Makes a letter's PDF from its page ({@link LetterPage}) with openhtmltopdf, embedding (as a
 * subset) the fonts shipped in {@code resources/fonts}: Droid Sans Fallback, which has the Chinese
 * glyphs, and Arimo for the Latin ones Droid Sans Fallback lacks. Nothing is read from the host's fonts. Blocking and CPU-bound: callers run it off the
 * event loop.
 */
public final class LetterPdf {
    static final String FONT = "fonts/DroidSansFallbackFull.ttf";
    static final String LATIN_FONT = "fonts/Arimo-Regular.ttf";
    /** Read once: every PDF embeds its own subset of each. */
    private static final byte[] FONT_BYTES = read(FONT);
    private static final byte[] LATIN_FONT_BYTES = read(LATIN_FONT);

    private LetterPdf() {
    }

    /** The PDF of {@code xhtml}, with {@code logo} and {@code seal} (PNG, null when none) where the page names them. */
    public static byte[] render(String xhtml, byte[] logo, byte[] seal) {
        String page = xhtml.replace(LetterPage.LOGO_SRC, dataUri(logo)).replace(LetterPage.SEAL_SRC, dataUri(seal));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            new PdfRendererBuilder().useFastMode()
                    .useFont(() -> new ByteArrayInputStream(LATIN_FONT_BYTES), LetterPage.LATIN_FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(FONT_BYTES), LetterPage.FONT_FAMILY, 400,
                            BaseRendererBuilder.FontStyle.NORMAL, true)
                    .withHtmlContent(page, null).toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException("the letter's PDF cannot be made", e);
        }
        return out.toByteArray();
    }

    private static String dataUri(byte[] png) {
        return png == null ? "" : "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static byte[] read(String resource) {
        try (InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the service ships it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
