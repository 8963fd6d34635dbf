package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;

/** A buyer changes its own profile: grades, terms, reviews, signals about it and its alerts. */
class BuyerTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

    static Buyer buyer() {
        return Buyer.register("acme", UUID.randomUUID(), new BuyerDetails("Globex Trading Ltd.", "CN",
                "91440300MA5F0XYZ1K", "91440300MA5F0XYZ1K", "8 Market St, Shenzhen", "wholesale",
                LocalDate.of(2000, 1, 1), "CNY", 30), 30, NOW.minusDays(100));
    }

    @Test
    void aRegradeKeepsTheNewScoreAndGradeAndSaysTheGradeBefore() {
        Buyer b = buyer();
        assertNull(b.regrade(new Assessment(820, 3, List.of()), NOW.minusDays(10)));
        assertEquals(3, b.regrade(new Assessment(610, 6, List.of()), NOW));
        assertEquals(610, b.score);
        assertEquals(6, b.grade);
        assertEquals(NOW, b.assessedAt);
    }

    @Test
    void aReviewDueDateIsAnnouncedOnce() {
        Buyer b = buyer();
        b.scheduleReview(LocalDate.of(2027, 11, 22));
        b.reviewAnnounced();
        assertEquals(LocalDate.of(2027, 11, 22), b.reviewAnnouncedFor);
        // the next review is a new date to announce
        b.scheduleReview(LocalDate.of(2028, 11, 22));
        assertEquals(LocalDate.of(2027, 11, 22), b.reviewAnnouncedFor);
    }

    @Test
    void anAgreedPaymentTermReplacesTheOldOne() {
        Buyer b = buyer();
        b.agreePaymentTerm(60);
        assertEquals(60, b.paymentTermDays);
    }

    @Test
    void aSignalIsResolvedOnce() {
        Buyer b = buyer();
        SignalReport s = SignalReport.report(b, WarningSignal.LEGAL_PROCEEDINGS, " court feed ", LocalDate.of(2026, 11, 20),
                "claim filed", NOW);
        assertEquals("court feed", s.source);
        assertEquals(b.id, s.buyerId);
        s.resolve("withdrawn", "cm-1", NOW.plusDays(3));
        assertEquals("withdrawn", s.resolution);
        assertEquals("warning-signal.already-resolved",
                assertThrows(DomainError.class, () -> s.resolve("again", "cm-2", NOW.plusDays(4))).code());
        assertEquals("cm-1", s.resolvedBy);
    }

    @Test
    void theFirstAcknowledgementOfAnAlertStands() {
        Alert a = Alert.raise(buyer(), Alert.GRADE_DROP, "grade 3 -> 6", NOW);
        a.acknowledge("cm-1", NOW.plusHours(1));
        a.acknowledge("cm-2", NOW.plusHours(2));
        assertEquals("cm-1", a.acknowledgedBy);
        assertEquals(NOW.plusHours(1), a.acknowledgedAt);
    }
}
