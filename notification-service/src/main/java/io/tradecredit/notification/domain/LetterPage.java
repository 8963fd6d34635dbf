package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The printed page of a letter, as XHTML for the PDF renderer: A4, the tenant's letterhead (its
 * logo when it has one, and the letterhead text: name, address, tax id, bank) at the top, the
 * rendered letter text in paragraphs, its last paragraph (the closing: signatory and company) as
 * the signature block, with the company seal (公章) set over it when the letter carries it, as
 * Chinese practice expects; page numbers at the foot of every page, in the letter's language.
 *
 * <p>Images are not in the page: it names them {@link #LOGO_SRC} and {@link #SEAL_SRC}, and the
 * renderer puts the tenant's stored images there when it makes the PDF.
 */
public final class LetterPage {
    public static final String LOGO_SRC = "letter-image:logo";
    public static final String SEAL_SRC = "letter-image:seal";
    /** The family the renderer registers the shipped CJK font under (it has no Latin glyphs). */
    public static final String FONT_FAMILY = "Droid Sans Fallback";
    /** The family of the shipped Latin font, tried first for every character. */
    public static final String LATIN_FONT_FAMILY = "Arimo";
    /** Every text of the page: Latin from Arimo, Chinese from Droid Sans Fallback; both shipped, both embedded. */
    static final String FONTS = "'" + LATIN_FONT_FAMILY + "', '" + FONT_FAMILY + "'";

    private LetterPage() {
    }

    /** What goes on the page besides the text: whether the logo and the seal are printed. */
    public record Layout(boolean logo, boolean seal) {
    }

    /** The page of {@code text} (a rendered letter template) under {@code letterhead}. */
    public static String xhtml(Language language, String letterhead, String text, Layout layout) {
        StringBuilder page = new StringBuilder(4096).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language.tag()).append("\">")
                .append("<head><meta charset=\"UTF-8\"/><style>").append(css(language)).append("</style></head><body>");
        if (layout.logo() || !blank(letterhead)) {
            page.append("<div class=\"letterhead\">");
            if (layout.logo()) {
                page.append("<img class=\"logo\" src=\"").append(LOGO_SRC).append("\" alt=\"logo\"/>");
            }
            page.append("<div class=\"sender\">").append(lines(blank(letterhead) ? "" : letterhead.strip()))
                    .append("</div></div>");
        }
        List<String> paragraphs = paragraphs(text);
        for (int i = 0; i < paragraphs.size() - 1; i++) {
            page.append("<p>").append(lines(paragraphs.get(i))).append("</p>");
        }
        if (!paragraphs.isEmpty()) {
            // the room the seal needs below the signature is an inline block, which the renderer moves to the next
            // page whole; a block's min-height past the foot of the page left a page with nothing but its number
            page.append(layout.seal() ? "<div class=\"signature sealed\"><p>" : "<div class=\"signature\"><p>")
                    .append(lines(paragraphs.get(paragraphs.size() - 1))).append("</p>");
            if (layout.seal()) {
                page.append("<img class=\"seal\" src=\"").append(SEAL_SRC).append("\" alt=\"seal\"/>");
            }
            page.append("</div>");
        }
        return page.append("</body></html>").toString();
    }

    /** The foot of every page: 第 1 页 / 共 2 页, or Page 1 of 2 (CSS page counters). */
    static String pageNumbers(Language language) {
        return language == Language.ZH_CN ? "\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\""
                : "\"Page \" counter(page) \" of \" counter(pages)";
    }

    private static String css(Language language) {
        return "@page { size: A4; margin: 22mm 20mm 24mm 20mm;"
                + " @bottom-center { content: " + pageNumbers(language) + "; font-family: " + FONTS
                + "; font-size: 8.5pt; color: #444444; } }"
                + " body { font-family: " + FONTS + "; font-size: 10.5pt; line-height: 1.5; }"
                + " p { margin: 0 0 3.5mm 0; }"
                + " .letterhead { border-bottom: 0.6pt solid #333333; padding-bottom: 3mm; margin-bottom: 8mm; }"
                + " .logo { float: left; max-height: 18mm; max-width: 45mm; margin-right: 6mm; }"
                + " .sender { font-size: 9pt; }"
                + " .letterhead::after { content: \"\"; display: block; clear: both; }"
                + " .signature { position: relative; margin: 8mm 0 0 50%; page-break-inside: avoid; }"
                + " .sealed { display: inline-block; width: 50%; min-height: 42mm; }"
                // the seal overlaps the company's name and the signature, as a seal stamped by hand does
                + " .seal { position: absolute; left: 4mm; top: -6mm; width: 40mm; height: 40mm; }";
    }

    /** The text's paragraphs: runs of lines between blank lines, each stripped. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static String lines(String paragraph) {
        return escape(paragraph).replace("\n", "<br/>");
    }

    /** XML escaping: a buyer named {@code A & B <Ltd>} stays text. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
