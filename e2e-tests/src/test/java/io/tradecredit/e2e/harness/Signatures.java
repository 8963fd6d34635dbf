package io.tradecredit.e2e.harness;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code t=<unix seconds>,v1=<hex>} signatures (HMAC-SHA256 of {@code <t>.<body>}) as the outside
 * parties make and check them with the JDK's own HMAC: the insurer's system signing its callback, the
 * tenant's webhook receiver checking the platform's. Written here, not taken from the chassis, so that
 * a scenario proves the services against the documented scheme rather than against themselves.
 */
public final class Signatures {
    private Signatures() {
    }

    /** The header value for {@code body} signed now under {@code secret}. */
    public static String sign(String secret, String body) {
        long t = System.currentTimeMillis() / 1000;
        return "t=" + t + ",v1=" + hmacSha256Hex(secret, t + "." + body);
    }

    /** Whether {@code header} is a valid {@code t=...,v1=...} signature of {@code body} under {@code secret}. */
    public static boolean verifies(String secret, String header, String body) {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        return t != null && v1 != null && v1.equals(hmacSha256Hex(secret, t + "." + body));
    }

    static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
