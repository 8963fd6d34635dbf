package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BuyerTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00Z");
    static final UUID ID = UUID.fromString("0193a1b2-0000-7000-8000-000000000001");

    static Buyer registered(String industry, String currency, Integer termDays) {
        return Buyer.register("tenant-a", ID, new BuyerDetails("  Globex Trading Ltd. ", "CN", " 91350100m000100y43 ",
                " 91350100M000100Y43 ", " 8 Market St, Shenzhen ", industry, LocalDate.of(2014, 5, 1), currency,
                termDays), CreditPolicy.DEFAULT, NOW);
    }

    @Test
    void registeringTidiesTheDetailsAndKeepsTheTenantsDefaultsWhereNoneAreGiven() {
        Buyer b = registered(null, null, null);
        assertEquals(ID, b.id);
        assertEquals("tenant-a", b.tenantId);
        assertEquals("Globex Trading Ltd.", b.name);
        assertEquals("CN", b.country);
        assertEquals("91350100M000100Y43", b.registrationNumber);
        assertEquals("91350100M000100Y43", b.taxId);
        assertEquals("8 Market St, Shenzhen", b.address);
        assertNull(b.industry);
        assertEquals(LocalDate.of(2014, 5, 1), b.foundedOn);
        assertEquals("CNY", b.currency);
        assertEquals(30, b.paymentTermDays);
        assertEquals(NOW, b.createdAt);
        assertEquals(NOW, b.updatedAt);
        assertFalse(b.blocked);
        assertNull(b.limit());
    }

    /** A buyer in CNY: a limit of -5.00 USD is wrong twice, and both are named at once. */
    @Test
    void aLimitInAnotherCurrencyAndNegativeNamesBothParts() {
        Buyer b = registered(null, "CNY", 30);
        DomainError both = b.limitRefusal(Money.of("-5.00", "USD"), "limit");
        assertEquals("limit.invalid", both.code());
        assertEquals(List.of("limit.currency", "limit.amount"), both.violations().stream().map(v -> v.field()).toList());
        assertEquals("limit.currency-mismatch", b.limitRefusal(Money.of("5.00", "USD"), "limit").code());
        assertEquals(List.of("limit.currency"), b.limitRefusal(Money.of("5.00", "USD"), "limit").violations().stream()
                .map(v -> v.field()).toList());
        assertEquals("limit.negative", b.limitRefusal(Money.of("-0.01", "CNY"), "limit").code());
        assertEquals(List.of("limit.amount"), b.limitRefusal(Money.of("-0.01", "CNY"), "limit").violations().stream()
                .map(v -> v.field()).toList());
        assertNull(b.limitRefusal(Money.of("0.00", "CNY"), "limit"));
    }

    /** A buyer on 30 days: 15 changes its term (a credit manager's decision), 30 or no term at all does not. */
    @Test
    void onlyAnotherTermChangesTheAgreedPaymentTerm() {
        Buyer b = registered(null, null, 30);
        assertTrue(b.changesPaymentTerm(new BuyerDetails("Globex", "CN", "x", "x", "x", null, null, null, 15)));
        assertFalse(b.changesPaymentTerm(new BuyerDetails("Globex", "CN", "x", "x", "x", null, null, null, 30)));
        assertFalse(b.changesPaymentTerm(new BuyerDetails("Globex", "CN", "x", "x", "x", null, null, null, null)));
    }

    /** A tenant that sells in US dollars on 60 days net says so in its policy; a buyer registered without either gets them. */
    @Test
    void registeredWithoutCurrencyOrTermsTheBuyerGetsThoseOfTheTenantsPolicy() {
        var d = CreditPolicy.DEFAULT;
        CreditPolicy dollars = new CreditPolicy(d.scoring(), d.limits(), d.checks(), 2, 365, 15, "USD", 60);
        Buyer b = Buyer.register("tenant-a", ID, new BuyerDetails("Globex Inc.", "US", "EIN 12-3456789", "12-3456789",
                "1 Main St, Springfield", null, null, null, null), dollars, NOW);
        assertEquals("USD", b.currency);
        assertEquals(60, b.paymentTermDays);
        Buyer own = Buyer.register("tenant-a", ID, new BuyerDetails("Globex Inc.", "US", "EIN 12-3456789", "12-3456789",
                "1 Main St, Springfield", null, null, "EUR", 45), dollars, NOW);
        assertEquals("EUR", own.currency);
        assertEquals(45, own.paymentTermDays);
    }

    @Test
    void givenCurrencyTermsAndIndustryAreTaken() {
        Buyer b = registered(" wholesale ", "EUR", 60);
        assertEquals("wholesale", b.industry);
        assertEquals("EUR", b.currency);
        assertEquals(60, b.paymentTermDays);
        assertNull(registered("   ", null, null).industry);
    }

    @Test
    void changingDetailsLaterKeepsCurrencyAndTermsWhenLeftOut() {
        Buyer b = registered(null, "EUR", 60);
        b.apply(new BuyerDetails("Globex GmbH", "DE", "HRB 86891", "DE123456789", "Marktplatz 1, Hamburg", "retail",
                null, null, null), NOW.plusDays(1));
        assertEquals("Globex GmbH", b.name);
        assertEquals("HRB 86891", b.registrationNumber);
        assertEquals("retail", b.industry);
        assertNull(b.foundedOn);
        assertEquals("EUR", b.currency);
        assertEquals(60, b.paymentTermDays);
        assertEquals(NOW.plusDays(1), b.updatedAt);
        assertEquals(NOW, b.createdAt);
    }

    @Test
    void managerSetsALimitInTheBuyersCurrency() {
        Buyer b = registered(null, null, null);
        b.changeLimit(Money.of("500000.00", "CNY"), "credit.manager@tenant-a", NOW.plusHours(1));
        assertEquals(Money.of("500000.00", "CNY"), b.limit());
        assertEquals(new BigDecimal("500000.00"), b.creditLimit);
        assertEquals("credit.manager@tenant-a", b.limitSetBy);
        assertEquals(NOW.plusHours(1), b.limitSetAt);
        assertEquals(NOW.plusHours(1), b.updatedAt);
    }

    @Test
    void limitInAnotherCurrencyIsRefusedAndTheOldOneStays() {
        Buyer b = registered(null, null, null);
        b.changeLimit(Money.of("500000.00", "CNY"), "credit.manager@tenant-a", NOW);
        var e = assertThrows(RuntimeException.class,
                () -> b.changeLimit(Money.of("60000.00", "EUR"), "credit.manager@tenant-a", NOW.plusHours(1)));
        assertEquals("limit in EUR for a buyer in CNY", e.getMessage());
        assertEquals(Money.of("500000.00", "CNY"), b.limit());
        assertEquals(NOW, b.limitSetAt);
    }

    @Test
    void blockingKeepsTheReasonUntilLifted() {
        Buyer b = registered(null, null, null);
        b.block("payment default reported elsewhere", NOW.plusDays(2));
        assertTrue(b.blocked);
        assertEquals("payment default reported elsewhere", b.blockReason);
        assertEquals(NOW.plusDays(2), b.updatedAt);
        var e = assertThrows(RuntimeException.class, () -> registered(null, null, null).liftBlock(NOW));
        assertEquals("Buyer " + ID + " is not blocked", e.getMessage());
    }

    @Test
    void reviewIsScheduledForTheGivenDay() {
        Buyer b = registered(null, null, null);
        b.scheduleReview(LocalDate.of(2027, 11, 22));
        assertEquals(LocalDate.of(2027, 11, 22), b.reviewDueOn);
    }

    @Test
    void limitRequestWaitsForAManagerWhoApprovesOrRejectsIt() {
        Buyer b = registered(null, null, null);
        var r = LimitRequest.pending(b, Money.of("750000.00", "CNY"), "grade rose from 5 to 3", "credit-service", NOW);
        assertEquals(LimitRequest.PENDING, r.status);
        assertEquals(Money.of("750000.00", "CNY"), r.requested());
        assertEquals("tenant-a", r.tenantId);
        assertEquals(ID, r.buyerId);
        r.decide(true, "credit.manager@tenant-a", "audited accounts seen", NOW.plusDays(1));
        assertEquals(LimitRequest.APPROVED, r.status);
        assertEquals("credit.manager@tenant-a", r.decidedBy);
        assertEquals("audited accounts seen", r.decisionNote);
        assertEquals(NOW.plusDays(1), r.decidedAt);
        var rejected = LimitRequest.pending(b, Money.of("750000.00", "CNY"), "asked by sales", "sales@tenant-a", NOW);
        rejected.decide(false, "credit.manager@tenant-a", "too early", NOW.plusDays(1));
        assertEquals(LimitRequest.REJECTED, rejected.status);
    }

    @Test
    void warningSignalIsOpenUntilResolved() {
        var s = new SignalReport();
        assertTrue(s.isOpen());
        s.resolvedAt = NOW;
        assertFalse(s.isOpen());
    }

    static final OffsetDateTime AT_NINE = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);
    static Buyer buyer() {
        return Buyer.register("acme", UUID.randomUUID(), new BuyerDetails("Globex Trading Ltd.", "CN",
                "91440300MA5F0XYZ1K", "91440300MA5F0XYZ1K", "8 Market St, Shenzhen", "wholesale",
                LocalDate.of(2000, 1, 1), "CNY", 30), CreditPolicy.DEFAULT, AT_NINE.minusDays(100));
    }
    @Test
    void aRegradeKeepsTheNewScoreAndGradeAndSaysTheGradeBefore() {
        Buyer b = buyer();
        assertNull(b.regrade(new Assessment(820, 3, List.of()), AT_NINE.minusDays(10)));
        assertEquals(3, b.regrade(new Assessment(610, 6, List.of()), AT_NINE));
        assertEquals(610, b.score);
        assertEquals(6, b.grade);
        assertEquals(AT_NINE, b.assessedAt);
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
                "claim filed", AT_NINE);
        assertEquals("court feed", s.source);
        assertEquals(b.id, s.buyerId);
        s.resolve("withdrawn", "cm-1", AT_NINE.plusDays(3));
        assertEquals("withdrawn", s.resolution);
        assertEquals("warning-signal.already-resolved",
                assertThrows(DomainError.class, () -> s.resolve("again", "cm-2", AT_NINE.plusDays(4))).code());
        assertEquals("cm-1", s.resolvedBy);
    }
    @Test
    void theFirstAcknowledgementOfAnAlertStands() {
        Alert a = Alert.raise(buyer(), Alert.GRADE_DROP, "grade 3 -> 6", AT_NINE);
        a.acknowledge("cm-1", AT_NINE.plusHours(1));
        a.acknowledge("cm-2", AT_NINE.plusHours(2));
        assertEquals("cm-1", a.acknowledgedBy);
        assertEquals(AT_NINE.plusHours(1), a.acknowledgedAt);
    }
}
