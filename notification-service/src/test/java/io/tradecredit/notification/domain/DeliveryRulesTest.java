package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Backoff, proof and the email's Message-ID: what makes a delivery retried, provable and recognisable. */
class DeliveryRulesTest {
    static final RetrySchedule EMAIL = new RetrySchedule(5, Duration.ofSeconds(30), Duration.ofMinutes(4));
    static final Instant T = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void theDelayDoublesFromThirtySecondsUpToFourMinutes() {
        assertEquals(Duration.ofSeconds(30), EMAIL.delay(1, 0));
        assertEquals(Duration.ofSeconds(60), EMAIL.delay(2, 0));
        assertEquals(Duration.ofSeconds(120), EMAIL.delay(3, 0));
        assertEquals(Duration.ofSeconds(240), EMAIL.delay(4, 0));
        assertEquals(Duration.ofSeconds(240), EMAIL.delay(9, 0));
        RetrySchedule odd = new RetrySchedule(9, Duration.ofSeconds(30), Duration.ofSeconds(100));
        assertEquals(Duration.ofSeconds(100), odd.delay(3, 0), "capped, not 120");
    }

    @Test
    void aRetryGoesNoEarlierThanTheLongestDelayAfterItsFailedAttemptWhateverItsJitter() {
        Instant failed = Instant.parse("2026-12-09T09:59:40Z");
        assertEquals(failed, EMAIL.notBefore(0, failed), "not tried on its channel yet: from when it was queued");
        assertEquals(Instant.parse("2026-12-09T10:00:25Z"), EMAIL.notBefore(1, failed), "30 s and half of it");
        assertEquals(Instant.parse("2026-12-09T10:05:40Z"), EMAIL.notBefore(9, failed), "the cap of 4 min and half of it");
    }

    @Test
    void jitterAddsUpToHalfTheDelay() {
        assertEquals(Duration.ofMillis(44_999), EMAIL.delay(1, 0.99999));
        assertEquals(Duration.ofMillis(37_500), EMAIL.delay(1, 0.5));
        assertEquals(Duration.ofMillis(90_000), EMAIL.delay(2, 1.0));
    }

    @Test
    void theFifthFailedAttemptIsTheLast() {
        assertEquals(Optional.of(T.plusSeconds(30)), EMAIL.retryAfter(1, T, 0));
        assertEquals(Optional.of(T.plusSeconds(240)), EMAIL.retryAfter(4, T, 0));
        assertEquals(Optional.empty(), EMAIL.retryAfter(5, T, 0));
        assertEquals(Optional.empty(), new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).retryAfter(1, T, 0));
    }

    @Test
    void aScheduleNeedsAnAttemptAndAPositiveDelayNoLongerThanItsCap() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals(1, new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).maxAttempts());
    }

    @Test
    void theProofIsTheSha256OfSubjectTextAndHtml() {
        // echo -n "abc" | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Proof.sha256("abc"));
        RenderedMessage m = new RenderedMessage("S", "T", "<p>T</p>");
        assertEquals("S\n\nT\n\n<p>T</p>", m.canonical());
        assertEquals(Proof.sha256("S\n\nT\n\n<p>T</p>"), m.sha256());
    }

    @Test
    void theHtmlPartIsTheEscapedTextInParagraphsUnderTheLetterhead() {
        RenderedMessage m = RenderedMessage.of(" Pay <now> ", "Dear Li,\n\nInvoice A&B\nis due.\n", "Acme & Co.\nShanghai");
        assertEquals("Pay <now>", m.subject());
        assertEquals("Dear Li,\n\nInvoice A&B\nis due.\n", m.text());
        assertEquals("<!DOCTYPE html><html><body><header><p>Acme &amp; Co.<br>Shanghai</p></header>"
                + "<p>Dear Li,</p><p>Invoice A&amp;B<br>is due.</p></body></html>", m.html());
        assertEquals("<!DOCTYPE html><html><body><p>&quot;x&quot;</p></body></html>",
                RenderedMessage.of("", "\"x\"", " ").html());
        assertEquals("<!DOCTYPE html><html><body><p>y</p></body></html>", RenderedMessage.of("", "y", null).html());
    }

    @Test
    void theMessageIdIsTheRequestIdAtTheServicesDomain() {
        UUID id = UUID.fromString("0f8e6c1a-1111-4222-8333-944455556666");
        assertEquals("<0f8e6c1a-1111-4222-8333-944455556666@notification.tradecredit.example>",
                EmailMessageId.of(id, "notification.tradecredit.example"));
        assertTrue(EmailMessageId.of(id, "x.example").startsWith("<" + id));
    }
}
