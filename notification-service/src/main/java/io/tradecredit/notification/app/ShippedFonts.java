package io.tradecredit.notification.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;

/**
 * The fonts shipped in {@code resources/fonts}, parsed once and lent to one render at a time.
 * Parsing Droid Sans Fallback (4 MB, tens of thousands of glyphs) again for every letter made
 * megabytes of garbage per letter and kept the collector busy in the service's small heap.
 * Fontbox reads a parsed font's tables lazily through one shared reader, so a parsed pair serves
 * one render at a time: at most {@code renders} renders run at once (a render is CPU-bound: more
 * than the CPUs only queue), each with a pair of its own, and at most that many pairs are ever
 * parsed. The fonts are the service's own, the same for every tenant: nothing of a tenant is kept here.
 */
final class ShippedFonts {
    static final String CJK = "fonts/DroidSansFallbackFull.ttf";
    static final String LATIN = "fonts/Arimo-Regular.ttf";
    private static final byte[] CJK_BYTES = read(CJK);
    private static final byte[] LATIN_BYTES = read(LATIN);

    private final Semaphore renders;
    private final Queue<Parsed> idle = new ConcurrentLinkedQueue<>();

    ShippedFonts(int renders) {
        this.renders = new Semaphore(renders, true);
    }

    /** Both shipped fonts, parsed, for one render only. */
    record Parsed(TrueTypeFont latin, TrueTypeFont cjk) {
        /**
         * {@code ttf} as a font of {@code doc}, embedded as the subset the page uses, made only when
         * the page uses it (an English letter never embeds the Chinese font).
         */
        static PDFontSupplier in(PDDocument doc, TrueTypeFont ttf) {
            return new PDFontSupplier(null) {
                private PDFont font;

                @Override
                public PDFont supply() {
                    if (font == null) {
                        try {
                            font = PDType0Font.load(doc, ttf, true);
                        } catch (IOException e) {
                            throw new UncheckedIOException("a shipped font cannot be embedded", e);
                        }
                    }
                    return font;
                }
            };
        }
    }

    /** A parsed pair no other render is using; waits (on the caller's worker thread) while {@code renders} are lent. */
    Parsed borrow() {
        renders.acquireUninterruptibly();
        try {
            Parsed kept = idle.poll();
            return kept != null ? kept : new Parsed(parse(LATIN_BYTES), parse(CJK_BYTES));
        } catch (RuntimeException e) {
            renders.release();
            throw e;
        }
    }

    /** {@code fonts} back, for the next render. */
    void giveBack(Parsed fonts) {
        idle.offer(fonts);
        renders.release();
    }

    /** How many pairs have been parsed and wait for a render (for tests). */
    int parsed() {
        return idle.size();
    }

    private static TrueTypeFont parse(byte[] ttf) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException("a shipped font cannot be read", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = ShippedFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the service ships it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
