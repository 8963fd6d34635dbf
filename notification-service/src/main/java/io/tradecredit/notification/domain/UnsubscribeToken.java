package io.tradecredit.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.signatures.TimestampedSignature;

/**
 * The token of an email's unsubscribe link: who (tenant, contact) opts out of which channel, and
 * the proof that this service wrote it. {@code base64url(tenant + "\n" + contact + "\n" + channel)
 * + "." + hex(HMAC-SHA256(secret, that same text))}, the secret per deployment. The link needs no
 * login, so the MAC is all that stands between a guessed link and someone else's opt-out: a token
 * that does not parse is refused as invalid, one whose MAC does not match as not found, and
 * neither changes anything.
 */
public record UnsubscribeToken(String tenantId, UUID contactId, ChannelType channel) {

    /** The token for this opt-out under {@code secret}. */
    public String sign(String secret) {
        String payload = tenantId + "\n" + contactId + "\n" + channel.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + mac(secret, payload);
    }

    /** The opt-out a token names, once its MAC under {@code secret} matches. */
    public static UnsubscribeToken read(String secret, String token) {
        String[] halves = token == null ? new String[0] : token.split("\\.");
        String payload = halves.length == 2 ? decoded(halves[0]) : "";
        String[] parts = payload.split("\n", -1);
        if (parts.length != 3 || !halves[1].matches("[0-9a-f]{64}")) {
            throw DomainError.invalidField("unsubscribe.invalid", "token", "is not an unsubscribe token of this service");
        }
        if (!MessageDigest.isEqual(mac(secret, payload).getBytes(StandardCharsets.UTF_8),
                halves[1].getBytes(StandardCharsets.UTF_8))) {
            throw DomainError.notFound("unsubscribe.unknown", "No such unsubscribe link");
        }
        // a token this service signed always names a contact id and a channel
        return new UnsubscribeToken(parts[0], UUID.fromString(parts[1]), ChannelType.valueOf(parts[2]));
    }

    private static String decoded(String base64url) {
        try {
            return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String mac(String secret, String payload) {
        return TimestampedSignature.hmacSha256Hex(secret, payload);
    }
}
