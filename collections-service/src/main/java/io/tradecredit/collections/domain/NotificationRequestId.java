package io.tradecredit.collections.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The id of a request to notification-service, derived from what the request is (tenant, buyer,
 * run date, step, channel, and the item for an unconsolidated message), so a re-run of the same
 * day, on any replica or after a crash, asks with the same id and notification-service drops
 * the repeat. A name-based UUID version 5 (RFC 9562: SHA-1 of a namespace and the name); each
 * part is written with its length first, so no two different lists of parts give the same name.
 */
public final class NotificationRequestId {
    /** The namespace of dunning notification requests (fixed for good: changing it changes every id). */
    static final UUID NAMESPACE = UUID.fromString("6f1c2a44-0d3e-4b8e-9a57-5f0c1d2e3b4a");

    private NotificationRequestId() {
    }

    public static UUID of(String tenantId, UUID buyerId, LocalDate runDate, String stepKey, Channel channel, String subject) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {tenantId, buyerId.toString(), runDate.toString(), stepKey, channel.name(), subject}) {
            name.append(part.length()).append(':').append(part);
        }
        return nameBased(NAMESPACE, name.toString());
    }

    static UUID nameBased(UUID namespace, String name) {
        byte[] hash = sha1(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array(), name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC's variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private static byte[] sha1(byte[] namespace, byte[] name) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(namespace);
            digest.update(name);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
