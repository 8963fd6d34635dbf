package io.tradecredit.notification.domain;

/**
 * A letter's PDF as it was made and stored with its message: what was printed or attached, and
 * its SHA-256 (the proof).
 */
public record LetterDocument(String filename, String mediaType, byte[] content, String sha256) {
    /**
     * What the record says of a PDF made at a hand-over that failed (never printed nor attached to a
     * sent email) when the message is addressed anew before its retry (its contact's postal address changed,
     * another contact chosen): the PDF names the old addressee, so it is dropped and the letter made again
     * from the new page at the next hand-over; the new PDF's SHA-256 is then the proof.
     */
    public static String madeAnew(String droppedSha256) {
        return "its letter made before (SHA-256 " + droppedSha256 + ") was never sent and is made anew";
    }
}
