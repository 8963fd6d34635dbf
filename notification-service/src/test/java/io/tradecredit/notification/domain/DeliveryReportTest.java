package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.signatures.TimestampedSignature;

class DeliveryReportTest {
    // the webhook's worked example (docs/notification-service.md, "Webhooks"), signed the same way
    static final String SECRET = "whsec_test_0123456789abcdef";
    static final String BODY = "{\"id\":\"5f0c1c2e-3b1a-4c2d-9e8f-0a1b2c3d4e5f\",\"purpose\":\"dunning\"}";
    static final String HEADER = "t=1764763200,v1=a76cfd0a704594316d8339e7614de6fbacaf3aa077d74dc6c6062a8e73ae96ef";
    static final Instant SIGNED = Instant.ofEpochSecond(1764763200);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theWorkedExampleVerifiesForFiveMinutesEitherSide() {
        assertTrue(TimestampedSignature.verify(SECRET, HEADER, BODY, SIGNED.plusSeconds(300), FIVE_MINUTES));
        assertTrue(TimestampedSignature.verify(SECRET, HEADER, BODY, SIGNED.minusSeconds(300), FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, HEADER, BODY, SIGNED.plusSeconds(301), FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, HEADER, BODY, SIGNED.minusSeconds(301), FIVE_MINUTES));
    }

    @Test
    void anAlteredBodyAnotherSecretOrAMalformedHeaderDoNotVerify() {
        assertFalse(TimestampedSignature.verify(SECRET, HEADER, BODY.replace("dunning", "dunninG"), SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET + "x", HEADER, BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, HEADER.replace("t=1764763200", "t=1764763201"), BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "v1=a76cfd0a704594316d8339e7614de6fbacaf3aa077d74dc6c6062a8e73ae96ef", BODY,
                SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "t=1764763200", BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, "t=soon,v1=a76c", BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, null, BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify("", HEADER, BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(null, HEADER, BODY, SIGNED, FIVE_MINUTES));
        assertFalse(TimestampedSignature.verify(SECRET, HEADER, null, SIGNED, FIVE_MINUTES));
        assertTrue(TimestampedSignature.verify(SECRET, " v1=a76cfd0a704594316d8339e7614de6fbacaf3aa077d74dc6c6062a8e73ae96ef, t=1764763200",
                BODY, SIGNED, FIVE_MINUTES));
    }

    @Test
    void aDeliveredReportKeepsNoReasonAFailedOneThePrividersWords() {
        UUID id = UUID.fromString("5f0c1c2e-3b1a-4c2d-9e8f-0a1b2c3d4e5f");
        DeliveryReport delivered = DeliveryReport.of(id.toString(), "DELIVERED", "ignored");
        assertEquals(id, delivered.requestId());
        assertEquals(MessageStatus.DELIVERED, delivered.status());
        assertNull(delivered.recordedReason());
        assertEquals("the SMS provider reported it undelivered: absent subscriber",
                DeliveryReport.of(id.toString(), "FAILED", "absent subscriber").recordedReason());
        assertEquals("the SMS provider reported it undelivered", DeliveryReport.of(id.toString(), "FAILED", " ").recordedReason());
        assertEquals("the SMS provider reported it undelivered", DeliveryReport.of(id.toString(), "FAILED", null).recordedReason());
    }

    @Test
    void aReportSettlesASentOrUnknownSmsIsKeptForOneBeingHandedOverAndLeavesEveryOtherAsItIs() {
        assertEquals(DeliveryReport.Effect.SETTLES, DeliveryReport.effectOn(MessageStatus.SENT));
        assertEquals(DeliveryReport.Effect.SETTLES, DeliveryReport.effectOn(MessageStatus.UNKNOWN));
        // the provider answered the hand-over and reported before the batch was recorded: kept for the recording
        assertEquals(DeliveryReport.Effect.KEPT, DeliveryReport.effectOn(MessageStatus.SENDING));
        for (MessageStatus s : java.util.List.of(MessageStatus.QUEUED, MessageStatus.DELIVERED, MessageStatus.FAILED,
                MessageStatus.WITHDRAWN)) {
            assertEquals(DeliveryReport.Effect.NONE, DeliveryReport.effectOn(s), s.name());
        }
    }

    @Test
    void aKeptReportSettlesItsSmsWhenTheHandOverIsRecordedNeverBefore() {
        Instant received = Instant.parse("2026-11-18T09:00:01Z");
        Instant recorded = Instant.parse("2026-11-18T09:00:03Z");
        // received at 09:00:01 while the batch was handed over, recorded SENT at 09:00:03: DELIVERED at 09:00:03, after SENT
        assertEquals(recorded, DeliveryReport.settledAt(received, recorded));
        // a run dated earlier than the report (a worker behind the clock): the report's own instant
        assertEquals(recorded, DeliveryReport.settledAt(recorded, received));
        assertEquals(recorded, DeliveryReport.settledAt(recorded, recorded));
    }

    @Test
    void aReportWithoutAReadableReferenceOrStatusNamesBoth() {
        DomainError e = assertThrows(DomainError.class, () -> DeliveryReport.of("sms-1", "SENT", null));
        assertEquals(java.util.List.of("reference", "status"), e.violations().stream().map(Violation::field).toList());
        assertEquals(java.util.List.of("reference"), assertThrows(DomainError.class,
                () -> DeliveryReport.of(null, "FAILED", null)).violations().stream().map(Violation::field).toList());
    }
}
