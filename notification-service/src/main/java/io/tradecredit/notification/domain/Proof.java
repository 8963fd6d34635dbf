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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
