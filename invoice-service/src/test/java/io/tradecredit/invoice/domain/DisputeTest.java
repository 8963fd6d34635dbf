package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.InvoiceTest.cny;
import static io.tradecredit.invoice.domain.InvoiceTest.invoiceOf1243;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/** The dispute lifecycle on an invoice of 1,243.00 CNY issued on 2026-11-02. */
class DisputeTest {
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC);
    static final LocalDate TODAY = AT.toLocalDate();

    static Dispute open(Invoice invoice, String amount) {
        return Dispute.open(invoice, UUID.randomUUID(), Dispute.Type.QUALITY, cny(amount), "2 pumps arrived damaged",
                List.of("photos DOC-17"), TODAY, TODAY, AT, "li.collector");
    }

    static Dispute assessed(Invoice invoice, String amount) {
        Dispute d = open(invoice, amount);
        d.assess(Dispute.Party.SELLER, "packing was insufficient", AT.plusHours(1), "li.collector");
        return d;
    }

    static DomainError.Kind status(DomainError e) {
        return e.kind();
    }

    static String field(DomainError e) {
        return e.violations().get(0).field();
    }

    @Test
    void disputing200Of1243LeavesTheUndisputed1043Collectible() {
        Invoice i = invoiceOf1243();
        Dispute d = open(i, "200.00");
        assertEquals(Dispute.Status.REGISTERED, d.status);
        assertEquals(cny("200.00"), i.disputed());
        assertEquals(cny("1243.00"), i.open());
        assertEquals(cny("1043.00"), i.collectible());
        DisputeStep registered = d.registeredStep();
        assertEquals(1, registered.seq());
        assertEquals("li.collector", registered.by());
        assertEquals("QUALITY dispute over 200.00 CNY raised on 2026-11-20: 2 pumps arrived damaged"
                + " (evidence: photos DOC-17)", registered.summary());
    }

    @Test
    void aSecondDisputeMayClaimOnlyThePartNotYetDisputed() {
        Invoice i = invoiceOf1243();
        open(i, "200.00");
        DomainError e = assertThrows(DomainError.class, () -> open(i, "1043.01"));
        assertEquals(DomainError.Kind.INVALID, status(e));
        assertEquals("disputedAmount", field(e));
        open(i, "1043.00");
        assertEquals(cny("1243.00"), i.disputed());
        assertEquals(cny("0.00"), i.collectible());
    }

    @Test
    void zeroForeignCurrencyOrBadDatesAreRefusedNamingTheFieldAndFreezeNothing() {
        Invoice i = invoiceOf1243();
        assertEquals("disputedAmount", field(assertThrows(DomainError.class, () -> open(i, "0.00"))));
        assertEquals("disputedAmount", field(assertThrows(DomainError.class,
                () -> Dispute.open(i, UUID.randomUUID(), Dispute.Type.PRICE, Money.of("10.00", "USD"), "x", null,
                        TODAY, TODAY, AT, "li"))));
        assertEquals("raisedOn", field(assertThrows(DomainError.class,
                () -> Dispute.open(i, UUID.randomUUID(), Dispute.Type.PRICE, cny("10.00"), "x", null,
                        TODAY.plusDays(1), TODAY, AT, "li"))));
        assertEquals("raisedOn", field(assertThrows(DomainError.class,
                () -> Dispute.open(i, UUID.randomUUID(), Dispute.Type.PRICE, cny("10.00"), "x", null,
                        i.issueDate.minusDays(1), TODAY, AT, "li"))));
        assertEquals(cny("0.00"), i.disputed());
    }

    /** 1,243.01 on an invoice of 1,243.00, raised tomorrow: both fields named at once (only the amount was). */
    @Test
    void anAmountOverWhatIsCollectibleAndADayInTheFutureAreNamedTogether() {
        Invoice i = invoiceOf1243();
        DomainError e = assertThrows(DomainError.class, () -> Dispute.open(i, UUID.randomUUID(), Dispute.Type.PRICE,
                cny("1243.01"), " ", null, TODAY.plusDays(1), TODAY, AT, "li"));
        assertEquals("dispute.invalid", e.code());
        assertEquals(java.util.List.of("description", "disputedAmount", "raisedOn"),
                e.violations().stream().map(v -> v.field()).toList());
        DomainError foreignAndEarly = assertThrows(DomainError.class, () -> Dispute.open(i, UUID.randomUUID(),
                Dispute.Type.PRICE, Money.of("10.00", "USD"), "x", null, i.issueDate.minusDays(1), TODAY, AT, "li"));
        assertEquals(java.util.List.of("disputedAmount", "raisedOn"),
                foreignAndEarly.violations().stream().map(v -> v.field()).toList());
        assertEquals("dispute.raised-in-future", assertThrows(DomainError.class, () -> Dispute.open(i,
                UUID.randomUUID(), Dispute.Type.PRICE, cny("10.00"), "x", null, TODAY.plusDays(1), TODAY, AT, "li"))
                .code());
        assertEquals(cny("0.00"), i.disputed());
    }

    @Test
    void raisedOnIsCheckedAgainstTheBusinessDayNotTheUtcDateOfTheMoment() {
        // 17:00 UTC on 21 November is 01:00 on the 22nd in Shanghai: a dispute raised on the 22nd is not in the future
        Invoice i = invoiceOf1243();
        LocalDate shanghaiToday = LocalDate.of(2026, 11, 22);
        Dispute d = Dispute.open(i, UUID.randomUUID(), Dispute.Type.QUALITY, cny("10.00"), "x", null, shanghaiToday,
                shanghaiToday, OffsetDateTime.parse("2026-11-21T17:00:00Z"), "li");
        assertEquals(shanghaiToday, d.raisedOn);
        assertEquals("raisedOn", field(assertThrows(DomainError.class,
                () -> Dispute.open(i, UUID.randomUUID(), Dispute.Type.QUALITY, cny("10.00"), "x", null,
                        shanghaiToday.plusDays(1), shanghaiToday, OffsetDateTime.parse("2026-11-21T17:00:00Z"), "li"))));
    }

    @Test
    void stepsMoveFromRegisteredThroughAssessedAndNegotiatingToResolved() {
        Invoice i = invoiceOf1243();
        Dispute d = open(i, "200.00");
        d.registeredStep();
        DisputeStep assessed = d.assess(Dispute.Party.CARRIER, "crushed in transit", AT.plusHours(1), "wang.finance");
        assertEquals(Dispute.Status.ASSESSED, d.status);
        assertEquals(2, assessed.seq());
        assertEquals("Responsible: CARRIER. crushed in transit", assessed.summary());
        DisputeStep note = d.note(Dispute.Stage.EARLY, "called buyer, keeps ordering", AT.plusHours(2), "li");
        assertEquals(Dispute.Status.NEGOTIATING, d.status);
        assertEquals(Dispute.Stage.EARLY, note.stage());
        d.assess(Dispute.Party.SELLER, "our packing, not the carrier", AT.plusHours(3), "wang.finance");
        assertEquals(Dispute.Status.NEGOTIATING, d.status);
        assertEquals(Dispute.Party.SELLER, d.responsibleParty);
        Dispute.Resolution r = d.resolve(i, Dispute.Outcome.UPHELD, null, "packing", null, TODAY, AT.plusHours(4), "wang");
        assertEquals(Dispute.Status.RESOLVED, d.status);
        assertEquals(5, r.step().seq());
    }

    @Test
    void negotiationMovesForwardNeverBack() {
        Dispute d = open(invoiceOf1243(), "200.00");
        d.note(Dispute.Stage.EARLY, "keep the relationship", AT, "li");
        d.note(Dispute.Stage.MIDDLE, "offered 40% credit or a replacement", AT, "li");
        d.note(Dispute.Stage.MIDDLE, "buyer wants 60%", AT, "li");
        DomainError e = assertThrows(DomainError.class,
                () -> d.note(Dispute.Stage.EARLY, "start over", AT, "li"));
        assertEquals(DomainError.Kind.CONFLICT, status(e));
        assertEquals(Dispute.Stage.MIDDLE, d.negotiationStage);
    }

    @Test
    void upheldCredits200AndLeaves1043OpenAndCollectible() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        Dispute.Resolution r = d.resolve(i, Dispute.Outcome.UPHELD, null, "weak packing", "none", TODAY, AT, "wang");
        assertEquals(cny("200.00"), r.credited());
        assertEquals(cny("0.00"), r.collectibleAgain());
        assertEquals(cny("0.00"), i.disputed());
        i.credit(r.credited()); // what CreditNotes does with it
        assertEquals(cny("1043.00"), i.open());
        assertEquals(cny("1043.00"), i.collectible());
        assertEquals("UPHELD: 200.00 CNY credited, 0.00 CNY collectible again. Root cause: weak packing."
                + " Credit policy: none", r.step().summary());
    }

    @Test
    void partiallyUpheldCredits80Of200AndMakesTheOther120CollectibleAgain() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        Dispute.Resolution r = d.resolve(i, Dispute.Outcome.PARTIALLY_UPHELD, cny("80.00"), "1 of 2 pumps damaged",
                null, TODAY, AT, "wang");
        assertEquals(cny("80.00"), r.credited());
        assertEquals(cny("120.00"), r.collectibleAgain());
        i.credit(r.credited());
        assertEquals(cny("1163.00"), i.open());
        assertEquals(cny("1163.00"), i.collectible());
        assertEquals(cny("80.00"), d.credited());
    }

    @Test
    void partialCreditMustBeMoreThanZeroAndLessThanTheDisputedAmount() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        for (String amount : new String[] {"0.00", "200.00", "200.01"}) {
            DomainError e = assertThrows(DomainError.class, () -> d.resolve(i,
                    Dispute.Outcome.PARTIALLY_UPHELD, cny(amount), "x", null, TODAY, AT, "wang"));
            assertEquals("creditedAmount", field(e));
        }
        assertEquals("creditedAmount", field(assertThrows(DomainError.class, () -> d.resolve(i,
                Dispute.Outcome.PARTIALLY_UPHELD, null, "x", null, TODAY, AT, "wang"))));
        assertEquals(Dispute.Status.ASSESSED, d.status);
        assertEquals(cny("200.00"), i.disputed());
    }

    @Test
    void rejectedCreditsNothingAndMakesAll1243CollectibleAgain() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        assertEquals("creditedAmount", field(assertThrows(DomainError.class,
                () -> d.resolve(i, Dispute.Outcome.REJECTED, cny("10.00"), "x", null, TODAY, AT, "wang"))));
        Dispute.Resolution r = d.resolve(i, Dispute.Outcome.REJECTED, null, "goods fine on inspection",
                "cut credit limit 10%", TODAY, AT, "wang");
        assertEquals(cny("0.00"), r.credited());
        assertEquals(cny("200.00"), r.collectibleAgain());
        assertEquals(cny("1243.00"), i.collectible());
        assertEquals("cut credit limit 10%", d.creditPolicyAdjustment);
    }

    @Test
    void upheldWithACreditOtherThanTheDisputedAmountIsRefused() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        assertEquals("creditedAmount", field(assertThrows(DomainError.class,
                () -> d.resolve(i, Dispute.Outcome.UPHELD, cny("150.00"), "x", null, TODAY, AT, "wang"))));
        assertEquals(cny("200.00"), d.resolve(i, Dispute.Outcome.UPHELD, cny("200.00"), "x", null, TODAY, AT, "wang")
                .credited());
    }

    @Test
    void resolvingNeedsAnAssessmentAndARootCause() {
        Invoice i = invoiceOf1243();
        Dispute d = open(i, "200.00");
        assertEquals(DomainError.Kind.CONFLICT, status(assertThrows(DomainError.class,
                () -> d.resolve(i, Dispute.Outcome.REJECTED, null, "x", null, TODAY, AT, "wang"))));
        d.assess(Dispute.Party.BUYER, "misread the order", AT, "li");
        assertEquals("rootCause", field(assertThrows(DomainError.class,
                () -> d.resolve(i, Dispute.Outcome.REJECTED, null, " ", null, TODAY, AT, "wang"))));
        assertNull(d.outcome);
    }

    @Test
    void aResolvedDisputeIsClosed() {
        Invoice i = invoiceOf1243();
        Dispute d = assessed(i, "200.00");
        d.resolve(i, Dispute.Outcome.REJECTED, null, "goods fine", null, TODAY, AT, "wang");
        List<Executable> afterwards = List.of(
                () -> d.resolve(i, Dispute.Outcome.UPHELD, null, "again", null, TODAY, AT, "wang"),
                () -> d.assess(Dispute.Party.SELLER, "late", AT, "li"),
                () -> d.note(Dispute.Stage.LATE, "late", AT, "li"));
        for (Executable call : afterwards) {
            assertEquals(DomainError.Kind.CONFLICT, status(assertThrows(DomainError.class, call)));
        }
        assertEquals(Dispute.Outcome.REJECTED, d.outcome);
    }
}
