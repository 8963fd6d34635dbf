package io.tradecredit.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The proof of what a message said: the SHA-256 (lower-case hex) of its rendered content, kept
 * with the record. The content hashed is the subject, a blank line, the text part, a blank line
 * and the HTML part ({@link RenderedMessage#canonical}), in UTF-8, so anyone holding the record
 * can recompute it.
 */
public final class Proof {
    private Proof() {
    }

    public static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of bytes as they are (a letter's PDF). */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The proof of an email carrying an attachment (a letter's PDF): the SHA-256 of its content as
     * {@link RenderedMessage#canonical}, a blank line, then the attachment's file name, a space and
     * the SHA-256 of its bytes; so the one proof covers the text, the HTML and the PDF.
     */
    public static String withAttachment(RenderedMessage content, String filename, String attachmentSha256) {
        return sha256(content.canonical() + "\n\n" + filename + " " + attachmentSha256);
    }
}
