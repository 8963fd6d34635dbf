package io.tradecredit.common.signatures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A request signed by a shared secret and fresh: HMAC-SHA256 over {@code <unix seconds> + "." + <body>},
 * carried as {@code t=<unix seconds>,v1=<lower-case hex>}, the form of the platform's own webhooks
 * (docs/notification-service.md). Used where another system calls us with a signature instead of a
 * token (the insurer's limit decisions, docs/insurance-claims-service.md), where we call others (the
 * tenant's webhooks) and where a provider reports back (an SMS provider's delivery reports). The
 * timestamp is inside the signed text, so a captured request cannot be replayed once it is older
 * than the tolerance. Plain Java, so a service's {@code domain} may use it.
 */
public final class TimestampedSignature {
    private TimestampedSignature() {
    }

    /** The header value for {@code body} signed at {@code at}. */
    public static String header(String secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + v1(secret, t, body);
    }

    /** The lower-case hex HMAC-SHA256 of {@code t + "." + body} under {@code secret} (both UTF-8). */
    public static String v1(String secret, long t, String body) {
        return hmacSha256Hex(secret, t + "." + body);
    }

    /** The lower-case hex HMAC-SHA256 of {@code text} under {@code secret} (both UTF-8; the secret not empty). */
    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Whether {@code header} signs {@code body} under {@code secret} at a time no further than
     * {@code tolerance} from {@code now} (either way: clocks differ). A missing or malformed header,
     * a wrong signature, a stale one and no secret at all are simply not valid. Compared in constant time.
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (secret == null || secret.isEmpty() || header == null || body == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (p.startsWith("v1=")) {
                v1 = p.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(v1(secret, t, body).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII));
    }
}
