package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a requester's withdrawal does to the message it names, status by status. */
class WithdrawalTest {
    static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void aQueuedMessageWaitingOrBetweenRetriesIsWithdrawnNow() {
        assertEquals(Withdrawal.Effect.WITHDRAWS, Withdrawal.effectOn(Optional.of(MessageStatus.QUEUED)));
    }

    @Test
    void aWithdrawalAheadOfItsRequestAwaitsIt() {
        assertEquals(Withdrawal.Effect.AWAITS_REQUEST, Withdrawal.effectOn(Optional.empty()));
    }

    @Test
    void aMessageBeingHandedOverIsWithdrawnOnlyIfTheHandOverFails() {
        assertEquals(Withdrawal.Effect.IF_HAND_OVER_FAILS, Withdrawal.effectOn(Optional.of(MessageStatus.SENDING)));
    }

    @Test
    void sentDeliveredFailedOrUnknownIsTooLateAndWithdrawnIsAlready() {
        for (MessageStatus s : List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED,
                MessageStatus.UNKNOWN)) {
            assertEquals(Withdrawal.Effect.TOO_LATE, Withdrawal.effectOn(Optional.of(s)), s.name());
        }
        assertEquals(Withdrawal.Effect.ALREADY, Withdrawal.effectOn(Optional.of(MessageStatus.WITHDRAWN)));
    }

    @Test
    void aWithdrawalNeedsAReasonOfAtMost500CharactersAndWhoWithdrewIt() {
        assertEquals(List.of(), Withdrawal.problems("nothing collectible left: INV-1 paid", "collections-service"));
        assertEquals(List.of(), Withdrawal.problems("x".repeat(500), "u-17"));
        assertEquals(List.of("reason: longer than 500 characters"), Withdrawal.problems("x".repeat(501), "u-17"));
        assertEquals(List.of("reason: missing", "requestedBy: missing"), Withdrawal.problems(" ", ""));
        assertEquals(List.of("reason: missing", "requestedBy: missing"), Withdrawal.problems(null, null));
    }

    @Test
    void aRequestWithdrawnBeforeItArrivedIsRecordedWithdrawnWithTheReasonUnresolvedAndUnsent() {
        MessageRequest r = MessageTest.request(false, Optional.of(Language.EN));
        Message m = Message.withdrawn("acme", r, new Withdrawal(r.requestId(), "INV-1 paid", "collections-service", NOW), NOW);
        assertEquals(MessageStatus.WITHDRAWN, m.status());
        assertEquals("INV-1 paid", m.failureReason());
        assertEquals(Language.EN, m.language());
        assertEquals(r.requestId(), m.requestId());
        assertEquals(NOW, m.requestedAt());
        assertEquals(0, m.attempts());
        assertNull(m.channel());
        assertNull(m.rendered());
        assertNull(m.nextAttemptAt());
        assertNull(m.sentAt());
    }

    @Test
    void aMessageThatMayHaveReachedItsReceiverEndsUnknownSayingSoNotWithdrawn() {
        assertEquals(MessageStatus.WITHDRAWN, Withdrawal.endsAs(false));
        assertEquals("INV-2026-0042 paid", Withdrawal.reasonOf(false, "INV-2026-0042 paid"));
        assertEquals(MessageStatus.UNKNOWN, Withdrawal.endsAs(true));
        assertEquals("withdrawn by its requester after a hand-over without a clear answer: the receiver may have it, so it"
                + " is not sent again; the requester's reason: INV-2026-0042 paid", Withdrawal.reasonOf(true, "INV-2026-0042 paid"));
    }
}
