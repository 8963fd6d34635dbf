package io.tradecredit.notification.domain;

/**
 * A letter's PDF as it was made and stored with its message: what was printed or attached, and
 * its SHA-256 (the proof).
 */
public record LetterDocument(String filename, String mediaType, byte[] content, String sha256) {
}
