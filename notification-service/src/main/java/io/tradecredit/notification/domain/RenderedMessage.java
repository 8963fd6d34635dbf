package io.tradecredit.notification.domain;

/**
 * A message as rendered for its recipient: subject (empty for SMS), the text part and the HTML
 * part. The HTML part is the text, escaped, in paragraphs under the tenant's letterhead: a
 * template is written once, as text, and both parts say the same.
 */
public record RenderedMessage(String subject, String text, String html) {

    /** A rendered subject and text with the HTML part made from them under {@code letterhead}. */
    public static RenderedMessage of(String subject, String text, String letterhead) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        if (letterhead != null && !letterhead.isBlank()) {
            html.append("<header>").append(paragraphs(letterhead)).append("</header>");
        }
        html.append(paragraphs(text)).append("</body></html>");
        return new RenderedMessage(subject.strip(), text, html.toString());
    }

    /**
     * The same email with its unsubscribe link at the end of both parts, in the recipient's
     * language: a line in the text, a link in the HTML.
     */
    public RenderedMessage withUnsubscribeLink(String url, Language language) {
        boolean zh = language == Language.ZH_CN;
        String line = (zh ? "如不希望再收到此类邮件，请打开：" : "To stop receiving these emails, open: ") + url;
        String link = "<footer><p><a href=\"" + escape(url) + "\">" + (zh ? "退订" : "Unsubscribe") + "</a></p></footer>";
        int end = html.lastIndexOf("</body>");
        String withLink = end < 0 ? html + link : html.substring(0, end) + link + html.substring(end);
        return new RenderedMessage(subject, text.stripTrailing() + "\n\n" + line + "\n", withLink);
    }

    /**
     * The message as handed over at {@code at}: its date and payment deadline, rendered at intake as marks
     * ({@link LetterDate}), those of the day it goes out in the contact's zone, the deadline moved by as many days,
     * then to a day the tenant {@code works}. This very content is what is sent and what the proof covers.
     */
    public RenderedMessage madeOn(java.time.Instant at, java.util.function.Predicate<java.time.LocalDate> works) {
        return new RenderedMessage(LetterDate.madeOn(subject, at, works), LetterDate.madeOn(text, at, works),
                LetterDate.madeOn(html, at, works));
    }

    /** The message as at intake, each mark its intake value (what a record not yet sent shows). */
    public RenderedMessage asAtIntake() {
        return new RenderedMessage(LetterDate.asAtIntake(subject), LetterDate.asAtIntake(text), LetterDate.asAtIntake(html));
    }

    /** Whether its date or deadline is still to be made on the day it goes out ({@link #madeOn}). */
    public boolean dated() {
        return LetterDate.marked(subject) || LetterDate.marked(text) || LetterDate.marked(html);
    }

    /** What {@link Proof} hashes: subject, blank line, text, blank line, HTML. */
    public String canonical() {
        return subject + "\n\n" + text + "\n\n" + html;
    }

    public String sha256() {
        return Proof.sha256(canonical());
    }

    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            out.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
