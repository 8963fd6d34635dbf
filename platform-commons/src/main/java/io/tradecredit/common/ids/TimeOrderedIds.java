package io.tradecredit.common.ids;

import java.time.Instant;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other
 * 74 of 122 bits random. For rows of a table that only grows, such as a log of decisions: a new row's
 * key lands on the right-hand edge of the primary-key index, whose pages stay in memory, where a
 * random (version 4) key lands on any page of an index that grows past memory with the table.
 * Still unique without coordination, and still a plain UUID to clients.
 */
public final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long LOW_12_BITS = 0x0FFFL;

    private TimeOrderedIds() {
    }

    /** An id whose time part is {@code at}, to the millisecond. */
    public static UUID at(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >>> 48 != 0) {
            throw new IllegalArgumentException("outside the 48-bit millisecond range of a version 7 UUID: " + at);
        }
        // the random bits (and the RFC variant) of a version 4 UUID from the JDK's SecureRandom
        UUID random = UUID.randomUUID();
        long msb = millis << 16 | VERSION_7 | (random.getMostSignificantBits() & LOW_12_BITS);
        return new UUID(msb, random.getLeastSignificantBits());
    }

    /** The time part of a version 7 id. */
    public static Instant timeOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }
}
