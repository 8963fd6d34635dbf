package io.tradecredit.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How a webhook proves it comes from us and is fresh: HMAC-SHA256 with the tenant's secret over
 * {@code <unix seconds> + "." + <body>}, sent as {@code Tradecredit-Signature: t=<unix seconds>,v1=<hex>}.
 * The timestamp is inside the signed text, so a receiver that also checks its age refuses a replay.
 *
 * <p>HMAC (RFC 2104) is written out over {@link MessageDigest}: the domain is plain {@code java..}
 * (ArchUnit), and the tests check it against {@code javax.crypto.Mac}, a second implementation.
 */
public final class WebhookSignature {
    public static final String HEADER = "Tradecredit-Signature";
    /** The request id: the same on every resend, for the receiver to drop a repeat. */
    public static final String MESSAGE_ID_HEADER = "Tradecredit-Message-Id";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code at}. */
    public static String header(String secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + v1(secret, t, body);
    }

    /** The lower-case hex HMAC-SHA256 of {@code t + "." + body} under {@code secret} (both UTF-8). */
    public static String v1(String secret, long t, String body) {
        return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code header} ({@code t=<unix seconds>,v1=<hex>}) signs {@code body} under
     * {@code secret} at a {@code t} no further than {@code tolerance} from {@code now}: how the
     * service checks what a party signed the same way (an SMS provider's delivery report). The hex
     * is compared in constant time; a header that does not parse does not verify.
     */
    public static boolean verifies(String secret, String header, String body, Instant now, java.time.Duration tolerance) {
        if (secret == null || secret.isEmpty() || header == null || body == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || !t.matches("[0-9]{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(t);
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(v1(secret, seconds, body).getBytes(StandardCharsets.UTF_8),
                v1.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256: SHA-256((K ^ opad) || SHA-256((K ^ ipad) || text)), K padded to the 64-byte block. */
    static byte[] hmacSha256(byte[] key, byte[] text) {
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        Arrays.fill(inner, (byte) 0x36);
        Arrays.fill(outer, (byte) 0x5c);
        for (int i = 0; i < k.length; i++) {
            inner[i] ^= k[i];
            outer[i] ^= k[i];
        }
        MessageDigest in = sha256();
        in.update(inner);
        byte[] innerHash = in.digest(text);
        MessageDigest out = sha256();
        out.update(outer);
        return out.digest(innerHash);
    }

    private static final int BLOCK = 64;

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
