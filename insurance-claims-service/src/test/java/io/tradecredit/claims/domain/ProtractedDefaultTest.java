package io.tradecredit.claims.domain;

import static io.tradecredit.claims.domain.InsuredExposureTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Worked example: the overdue account was notified on 1 June 2026 naming INV-1 (30,000 insured of 40,000 open)
 * and INV-2 (20,000 insured); the policy's waiting period is 90 days, so the trigger day is 30 August 2026.
 * INV-3 fell overdue later and was not named. The claim carries each invoice whole (InsuredExposure#claimable):
 * INV-1 40,000, the limit capping the loss at approval.
 */
class ProtractedDefaultTest {
    static final UUID POLICY = UUID.randomUUID();
    static final UUID BUYER = UUID.randomUUID();
    static final UUID INV1 = UUID.randomUUID();
    static final UUID INV2 = UUID.randomUUID();
    static final UUID INV3 = UUID.randomUUID();
    static final LocalDate NOTIFIED = LocalDate.parse("2026-06-01");
    static final LocalDate TRIGGER = LocalDate.parse("2026-08-30");

    static final OverdueNotification NOTIFICATION = new OverdueNotification(UUID.randomUUID(), POLICY, BUYER, NOTIFIED,
            NOTIFIED, List.of(new OverdueNotification.Invoice(INV1, "INV-1", LocalDate.parse("2026-05-09"),
                    cny("40000.00"), cny("30000.00")),
                    new OverdueNotification.Invoice(INV2, "INV-2", LocalDate.parse("2026-05-31"), cny("20000.00"),
                            cny("20000.00"))),
            cny("50000.00"), null, NOTIFIED.atTime(10, 0).atOffset(ZoneOffset.UTC), "cm");

    static final ClaimedInvoice C1 = new ClaimedInvoice("INV-1", INV1, cny("40000.00"));
    static final ClaimedInvoice C2 = new ClaimedInvoice("INV-2", INV2, cny("20000.00"));
    static final ClaimedInvoice C3 = new ClaimedInvoice("INV-3", INV3, cny("5000.00"));

    static Optional<ProtractedDefault> on(String day, List<ClaimedInvoice> insuredUnpaid, ProtractedDefault.Held held) {
        return ProtractedDefault.on(LocalDate.parse(day), NOTIFICATION, 90, insuredUnpaid, held);
    }

    @Test
    void theWaitingPeriodRunsFromTheNotificationsDay() {
        assertEquals(TRIGGER, ProtractedDefault.triggerDay(NOTIFIED, 90));
        assertEquals(NOTIFIED, ProtractedDefault.triggerDay(NOTIFIED, 0));
        assertFalse(ProtractedDefault.waitingOver(NOTIFIED, 90, TRIGGER.minusDays(1)));
        assertTrue(ProtractedDefault.waitingOver(NOTIFIED, 90, TRIGGER));
        assertTrue(ProtractedDefault.waitingOver(NOTIFIED, 90, TRIGGER.plusDays(1)));
        assertTrue(ProtractedDefault.waitingOver(NOTIFIED, 0, NOTIFIED));
    }

    @Test
    void theDayBeforeTheTriggerDayNothingIsClaimed() {
        assertEquals(Optional.empty(), on("2026-08-29", List.of(C1, C2, C3), ProtractedDefault.Held.NOTHING));
    }

    @Test
    void onTheTriggerDayTheClaimAsksForTheInsuredPartOfEachNamedInvoiceStillUnpaid() {
        ProtractedDefault d = on("2026-08-30", List.of(C1, C2, C3), ProtractedDefault.Held.NOTHING).orElseThrow();
        assertEquals(TRIGGER, d.triggerDay());
        assertEquals(List.of(C1, C2), d.invoices(), "INV-3 was not notified: not in protracted default");
    }

    @Test
    void aRunAfterTheTriggerDayStillClaimsUnderTheTriggerDay() {
        ProtractedDefault d = on("2026-09-04", List.of(C1, C2), ProtractedDefault.Held.NOTHING).orElseThrow();
        assertEquals(TRIGGER, d.triggerDay());
        assertEquals(d.signalId(POLICY, BUYER), on("2026-08-30", List.of(C1), ProtractedDefault.Held.NOTHING)
                .orElseThrow().signalId(POLICY, BUYER), "one signal per policy, buyer and trigger day");
    }

    @Test
    void anInvoicePaidDuringTheWaitingPeriodIsNotClaimedAndAllPaidOpensNothing() {
        assertEquals(List.of(C2), on("2026-08-30", List.of(C2, C3), ProtractedDefault.Held.NOTHING).orElseThrow()
                .invoices());
        assertEquals(Optional.empty(), on("2026-08-30", List.of(C3), ProtractedDefault.Held.NOTHING));
        assertEquals(Optional.empty(), on("2026-08-30", List.of(), ProtractedDefault.Held.NOTHING));
    }

    @Test
    void anOpenClaimOfTheBuyerUnderThePolicyOpensNoSecond() {
        assertEquals(Optional.empty(), on("2026-08-30", List.of(C1, C2),
                new ProtractedDefault.Held(true, Set.of(), Set.of())));
    }

    @Test
    void anInvoiceAnotherOpenClaimHoldsByIdOrByNumberIsNotTakenAgain() {
        assertEquals(List.of(C2), on("2026-08-30", List.of(C1, C2),
                new ProtractedDefault.Held(false, Set.of(INV1), Set.of())).orElseThrow().invoices());
        assertEquals(List.of(C1), on("2026-08-30", List.of(C1, C2),
                new ProtractedDefault.Held(false, Set.of(), Set.of("INV-2"))).orElseThrow().invoices());
        assertEquals(Optional.empty(), on("2026-08-30", List.of(C1, C2),
                new ProtractedDefault.Held(false, Set.of(INV1), Set.of("INV-2"))));
    }

    @Test
    void theSignalDiffersByPolicyBuyerAndTriggerDay() {
        ProtractedDefault d = new ProtractedDefault(TRIGGER, List.of(C1));
        UUID signal = d.signalId(POLICY, BUYER);
        assertEquals(signal, new ProtractedDefault(TRIGGER, List.of(C2)).signalId(POLICY, BUYER));
        assertNotEquals(signal, d.signalId(UUID.randomUUID(), BUYER));
        assertNotEquals(signal, d.signalId(POLICY, UUID.randomUUID()));
        assertNotEquals(signal, new ProtractedDefault(TRIGGER.plusDays(1), List.of(C1)).signalId(POLICY, BUYER));
    }
}
