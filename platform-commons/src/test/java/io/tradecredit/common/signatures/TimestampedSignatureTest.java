package io.tradecredit.common.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampedSignatureTest {
    static final String SECRET = "a-secret-of-at-least-32-characters!";
    static final Instant AT = Instant.ofEpochSecond(1_780_000_000L);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // computed elsewhere: python3 hmac.new(secret, b'1780000000.{"a":1}', sha256).hexdigest()
        assertEquals("t=1780000000,v1=04e83aaf8f092f227252e65856d629793fa8f7254901d77cad5f540627b64cef",
                TimestampedSignature.header(SECRET, AT, "{\"a\":1}"));
    }

    @Test
    void theHmacMatchesRfc4231() {
        // RFC 4231 test case 2: a key shorter than the 64-byte block
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                TimestampedSignature.hmacSha256Hex("Jefe", "what do ya want for nothing?"));
        assertEquals("t=1780000000,v1=" + TimestampedSignature.hmacSha256Hex(SECRET, "1780000000.{\"a\":1}"),
                TimestampedSignature.header(SECRET, AT, "{\"a\":1}"));
    }

    @Test
    void aFreshSignatureOfTheSameBodyIsValid() {
        String header = TimestampedSignature.header(SECRET, AT, "{\"a\":1}");
        assertTrue(TimestampedSignature.verify(SECRET, header, "{\"a\":1}", AT.plusSeconds(300), FIVE_MINUTES));
        assertTrue(TimestampedSignature.verify(SECRET, header, "{\"a\":1}", AT.minusSeconds(300), FIVE_MINUTES));
        assertTrue(TimestampedSignature.verify(SECRET, " v1=" + TimestampedSignature.v1(SECRET, AT.getEpochSecond(),
                "{\"a\":1}") + ", t=" + AT.getEpochSecond(), "{\"a\":1}", AT, FIVE_MINUTES));
    }

    @Test
    void aForgedStaleOrMalformedSignatureIsNot() {
        String header = TimestampedSignature.header(SECRET, AT, "{\"a\":1}");
        assertFalse(TimestampedSignature.verify(SECRET, header, "{\"a\":2}", AT, FIVE_MINUTES), "other body");
        assertFalse(TimestampedSignature.verify(SECRET + "x", header, "{\"a\":1}", AT, FIVE_MINUTES), "other secret");
        assertFalse(TimestampedSignature.verify(SECRET, header, "{\"a\":1}", AT.plusSeconds(301), FIVE_MINUTES), "stale");
        assertFalse(TimestampedSignature.verify(SECRET, header, "{\"a\":1}", AT.minusSeconds(301), FIVE_MINUTES), "future");
        assertFalse(TimestampedSignature.verify(SECRET, null, "{}", AT, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(null, header, "{\"a\":1}", AT, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify("", header, "{\"a\":1}", AT, FIVE_MINUTES), "no secret configured");
        assertFalse(TimestampedSignature.verify(SECRET, header, null, AT, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "t=abc,v1=00", "{}", AT, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "t=" + AT.getEpochSecond(), "{}", AT, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "v1=00", "{}", AT, FIVE_MINUTES));
        String moved = "t=" + (AT.getEpochSecond() + 1) + "," + header.substring(header.indexOf("v1="));
        assertFalse(TimestampedSignature.verify(SECRET, moved, "{\"a\":1}", AT, FIVE_MINUTES), "timestamp changed");
    }
}
