package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.collections.domain.AgencyUpdate.Effect;
import io.tradecredit.collections.domain.AgencyUpdate.Kind;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

class AgencyUpdateTest {
    static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    static List<String> fields(Runnable r) {
        return assertThrows(DomainError.class, r::run).violations().stream().map(Violation::field).toList();
    }

    @Test
    void onlySettledReturnedAndUncollectibleMoveTheCase() {
        for (Kind k : Kind.values()) {
            Effect expected = switch (k) {
                case SETTLED -> Effect.CLOSE_SETTLED;
                case RETURNED, UNCOLLECTIBLE -> Effect.BACK_TO_COLLECTOR;
                default -> Effect.LOG;
            };
            assertEquals(expected, k.effect(), k.name());
        }
        assertEquals(PlacementEnd.SETTLED, Kind.SETTLED.placementEnd());
        assertEquals(PlacementEnd.RETURNED, Kind.RETURNED.placementEnd());
        assertEquals(PlacementEnd.UNCOLLECTIBLE, Kind.UNCOLLECTIBLE.placementEnd());
        assertNull(Kind.PROMISE.placementEnd());
        assertNull(Kind.LEGAL_ACTION_RECOMMENDED.placementEnd());
    }

    @Test
    void aPromiseNamesItsAmountAndDayInTheLog() {
        AgencyUpdate promise = new AgencyUpdate(Kind.PROMISE, MAY_4, Money.of("12000.00", "CNY"), MAY_4.plusDays(10),
                "buyer's CFO on the phone");
        assertEquals("promise CNY 12000.00 by 2026-05-14: buyer's CFO on the phone", promise.summary());
        assertEquals("contact made", new AgencyUpdate(Kind.CONTACT_MADE, MAY_4, null, null, " ").summary());
        assertEquals("settled CNY 9000.00", new AgencyUpdate(Kind.SETTLED, MAY_4, Money.of("9000.00", "CNY"), null, null)
                .summary());
        // a promise may fall on the day it is reported
        assertEquals(MAY_4, new AgencyUpdate(Kind.PROMISE, MAY_4, Money.of("1.00", "CNY"), MAY_4, null).promisedFor());
    }

    /**
     * Reported on Monday 28 September 2026: the buyer promised the agency 12,000.00 for Wednesday the 30th. With §3's
     * 3 days of grace on a Monday-to-Friday calendar the deadline is Saturday 3 October, moved to Monday the 5th: the
     * buyer's dunning is held until then (until session 31 it was not held at all, and the ladder's letters went out over
     * the agency's promise). Since session 32 it is the buyer's promise to pay, made on the 28th, recorded and judged as a
     * collector's is (before, nothing judged it). No other kind is a promise.
     */
    @Test
    void aPromiseHoldsTheBuyersDunningUntilThePromisedDayPlusTheTenantsGrace() {
        LocalDate sept28 = LocalDate.of(2026, 9, 28);
        LocalDate sept30 = LocalDate.of(2026, 9, 30);
        LocalDate oct5 = LocalDate.of(2026, 10, 5);
        UUID id = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        AgencyUpdate promise = new AgencyUpdate(Kind.PROMISE, sept28, Money.of("12000.00", "CNY"), sept30, null);
        BusinessCalendar.DayCount days = BusinessCalendar.DayCount.CALENDAR_DAYS;
        PromiseToPay p = promise.promise(id, buyer, PromiseTerms.DEFAULT, BusinessCalendar.DEFAULT, days);
        assertEquals(new PromiseToPay(id, buyer, Money.of("12000.00", "CNY"), sept28, sept30, 3, oct5), p);
        // the tenant's own grace: none, the promised day itself
        assertEquals(sept30, promise.promise(id, buyer, new PromiseTerms(0, 30), BusinessCalendar.DEFAULT, days).deadline());
        for (Kind k : Kind.values()) {
            if (k != Kind.PROMISE) {
                AgencyUpdate other = new AgencyUpdate(k, sept28, Money.of("12000.00", "CNY"), null, null);
                assertNull(other.promise(id, buyer, PromiseTerms.DEFAULT, BusinessCalendar.DEFAULT, days), k.name());
            }
        }
    }

    /**
     * Judged by the collector's rule: 12,000.00 promised for 30 September, reported on the 28th. 12,000.00 paid on the 28th
     * (the day the agency learnt it) keeps it; 11,000.00 paid by the deadline (5 October) is broken on the 6th, 1,000.00 short.
     */
    @Test
    void anAgencysPromiseIsKeptOrBrokenByThePromiseRule() {
        LocalDate sept28 = LocalDate.of(2026, 9, 28);
        PromiseToPay p = new AgencyUpdate(Kind.PROMISE, sept28, Money.of("12000.00", "CNY"), LocalDate.of(2026, 9, 30), null)
                .promise(UUID.randomUUID(), UUID.randomUUID(), PromiseTerms.DEFAULT, BusinessCalendar.DEFAULT,
                        BusinessCalendar.DayCount.CALENDAR_DAYS);
        assertEquals(PromiseToPay.Outcome.KEPT, p.judge(List.of(new PromiseToPay.Payment(sept28, Money.of("12000.00", "CNY"))),
                sept28).outcome());
        PromiseToPay.Verdict broken = p.judge(List.of(new PromiseToPay.Payment(sept28.minusDays(1), Money.of("1000.00", "CNY")),
                new PromiseToPay.Payment(LocalDate.of(2026, 10, 5), Money.of("11000.00", "CNY"))), LocalDate.of(2026, 10, 6));
        assertEquals(PromiseToPay.Outcome.BROKEN, broken.outcome());
        assertEquals(Money.of("1000.00", "CNY"), broken.shortfall());
    }

    @Test
    void everyMissingOrInconsistentFieldIsNamed() {
        assertEquals(List.of("kind", "reportedOn"), fields(() -> new AgencyUpdate(null, null, null, null, null)));
        assertEquals(List.of("amount", "promisedFor"), fields(() -> new AgencyUpdate(Kind.PROMISE, MAY_4, null, null, null)));
        assertEquals(List.of("amount"), fields(() -> new AgencyUpdate(Kind.PAYMENT_REPORTED, MAY_4, null, null, null)));
        assertEquals(List.of("amount"), fields(() -> new AgencyUpdate(Kind.SETTLEMENT_PROPOSED, MAY_4, null, null, null)));
        assertEquals(List.of("amount"), fields(() -> new AgencyUpdate(Kind.SETTLED, MAY_4, Money.of("0.00", "CNY"), null, null)));
        assertEquals(List.of("promisedFor"), fields(() -> new AgencyUpdate(Kind.RETURNED, MAY_4, null, MAY_4, null)));
        assertEquals(List.of("promisedFor"),
                fields(() -> new AgencyUpdate(Kind.PROMISE, MAY_4, Money.of("1.00", "CNY"), MAY_4.minusDays(1), null)));
        // a promise without its report day: only the day is named, the order of days is not judged
        assertEquals(List.of("reportedOn"), fields(() -> new AgencyUpdate(Kind.PROMISE, null, Money.of("1.00", "CNY"),
                MAY_4, null)));
        assertEquals(List.of("kind"), fields(() -> new AgencyUpdate(null, MAY_4, null, MAY_4, null)));
        assertEquals(List.of("note"), fields(() -> new AgencyUpdate(Kind.CONTACT_MADE, MAY_4, null, null,
                "x".repeat(AgencyUpdate.NOTE_MAX + 1))));
        assertEquals(AgencyUpdate.NOTE_MAX, new AgencyUpdate(Kind.CONTACT_MADE, MAY_4, null, null,
                "x".repeat(AgencyUpdate.NOTE_MAX)).note().length());
        assertEquals("agency-update.invalid",
                assertThrows(DomainError.class, () -> new AgencyUpdate(null, MAY_4, null, null, null)).code());
    }

    @Test
    void aPlacementEndsOnceAndCountsForCommissionUntilThatDay() {
        UUID caseId = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        AgencyPlacement p = AgencyPlacement.start(UUID.randomUUID(), caseId, buyer, "huaxin", MAY_4);
        assertEquals(true, p.isCurrent());
        assertEquals(new AgencyCommission.Placement(caseId, buyer, "huaxin", MAY_4, null, null), p.forCommission());
        AgencyPlacement ended = p.end(PlacementEnd.RECALLED, MAY_4.plusDays(3));
        assertEquals(false, ended.isCurrent());
        assertEquals(PlacementEnd.RECALLED, ended.endReason());
        assertEquals(MAY_4.plusDays(3), ended.forCommission().endedOn());
        assertEquals(PlacementEnd.RECALLED, ended.forCommission().endReason());
        DomainError again = assertThrows(DomainError.class, () -> ended.end(PlacementEnd.RETURNED, MAY_4.plusDays(4)));
        assertEquals(DomainError.Kind.CONFLICT, again.kind());
        assertEquals("agency-placement.ended", again.code());
    }

    static final java.util.Currency CNY = java.util.Currency.getInstance("CNY");
    static final java.util.Currency USD = java.util.Currency.getInstance("USD");

    /** Huaxin's contract: 15 % on CNY only, version 1 from 1 May; a buyer whose invoices are in CNY; handed over 4 May. */
    static AgencyUpdate.Held huaxinHolds(java.util.Set<java.util.Currency> invoicedIn, RecordedAgencyContract... more) {
        AgencyPlacement p = AgencyPlacement.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "huaxin", MAY_4);
        List<RecordedAgencyContract> versions = new java.util.ArrayList<>(List.of(new RecordedAgencyContract(
                new AgencyContract("huaxin", new java.math.BigDecimal("15"), java.util.Set.of(CNY)), 1, MAY_4.minusDays(3),
                "Huaxin", null, "lena")));
        versions.addAll(List.of(more));
        return new AgencyUpdate.Held(p, versions, invoicedIn, PromiseTerms.DEFAULT);
    }

    /**
     * Handed over 4 May; the tenant's bound for promises is the default 30 days. A PROMISE reported on 6 May for 5 June
     * (6 May + 30) is accepted; for 6 June, or for 1 January 2031, it is refused naming promisedFor with the bound, counted
     * from the day the agency reports the promise made (6 May), with every other wrong field. Under a bound of 60 days
     * 6 June is accepted. Until session 35 a promise for 2031 was accepted and held the buyer's dunning for years.
     */
    @Test
    void aPromiseDatedAfterTheTenantsBoundIsRefusedNamingPromisedFor() {
        AgencyUpdate.Held held = huaxinHolds(java.util.Set.of(CNY));
        LocalDate may6 = MAY_4.plusDays(2);
        Money amount = Money.of("8500.00", "CNY");
        assertEquals(LocalDate.of(2026, 6, 5), AgencyUpdate.reported(Kind.PROMISE, may6, amount, LocalDate.of(2026, 6, 5),
                null, may6, held).promisedFor());
        for (LocalDate tooFar : List.of(LocalDate.of(2026, 6, 6), LocalDate.of(2031, 1, 1))) {
            DomainError refused = assertThrows(DomainError.class, () -> AgencyUpdate.reported(Kind.PROMISE, may6, amount,
                    tooFar, null, may6, held));
            assertEquals("agency-update.invalid", refused.code());
            assertEquals(List.of(new Violation("promisedFor", "must not be after 2026-06-05: at most 30 days after the day the"
                    + " promise is made (2026-05-06), the tenant's bound")), refused.violations());
        }
        // with a report dated before the hand-off: both named, the bound counted from the day reported
        assertEquals(List.of("reportedOn", "promisedFor"), fields(() -> AgencyUpdate.reported(Kind.PROMISE, MAY_4.minusDays(1),
                amount, LocalDate.of(2031, 1, 1), null, may6, held)));
        AgencyUpdate.Held sixty = new AgencyUpdate.Held(held.placement(), held.contract(), held.invoicedIn(),
                new PromiseTerms(3, 60));
        assertEquals(LocalDate.of(2026, 6, 6), AgencyUpdate.reported(Kind.PROMISE, may6, amount, LocalDate.of(2026, 6, 6),
                null, may6, sixty).promisedFor());
        // without its case (the body's own check) no bound is known yet: not named
        assertEquals(LocalDate.of(2031, 1, 1), AgencyUpdate.reported(Kind.PROMISE, may6, amount, LocalDate.of(2031, 1, 1),
                null, may6).promisedFor());
    }

    /** Handed over on 4 May: a report of 3 May is refused naming reportedOn, one of 4 May (the hand-off day) or later is not. */
    @Test
    void aReportDatedBeforeTheHandOffIsRefused() {
        AgencyUpdate.Held held = huaxinHolds(java.util.Set.of(CNY));
        DomainError refused = assertThrows(DomainError.class, () -> AgencyUpdate.reported(Kind.PROMISE, MAY_4.minusDays(1),
                Money.of("8500.00", "CNY"), MAY_4.plusDays(10), null, MAY_4.plusDays(5), held));
        assertEquals(DomainError.Kind.INVALID, refused.kind());
        assertEquals("agency-update.invalid", refused.code());
        assertEquals(List.of(new Violation("reportedOn", "must not be before 2026-05-04, the day the case was handed to agency"
                + " huaxin")), refused.violations());
        assertEquals(MAY_4, AgencyUpdate.reported(Kind.CONTACT_MADE, MAY_4, null, null, null, MAY_4, held).reportedOn());
        assertEquals(MAY_4.plusDays(1), AgencyUpdate.reported(Kind.CONTACT_MADE, MAY_4.plusDays(1), null, null, null,
                MAY_4.plusDays(5), held).reportedOn());
    }

    /**
     * Huaxin collects CNY and the case's invoices are in CNY: 8,500.00 USD reported paid (or proposed, or settled for) is
     * refused naming amount.currency, with every other wrong field (reported before the hand-off: reportedOn too); 8,500.00
     * CNY is accepted. Until session 34 the USD report was accepted and logged as paid.
     */
    @Test
    void anAmountOutsideTheContractsOrTheCasesCurrenciesIsRefused() {
        AgencyUpdate.Held held = huaxinHolds(java.util.Set.of(CNY));
        for (Kind kind : List.of(Kind.PAYMENT_REPORTED, Kind.SETTLEMENT_PROPOSED, Kind.SETTLED, Kind.CONTACT_MADE)) {
            DomainError refused = assertThrows(DomainError.class, () -> AgencyUpdate.reported(kind, MAY_4,
                    Money.of("8500.00", "USD"), null, null, MAY_4, held), kind.name());
            assertEquals("agency-update.invalid", refused.code());
            assertEquals(List.of(new Violation("amount.currency", "'USD' is not a currency of this case: the agency collects"
                    + " [CNY] under its contract in force on 2026-05-04; the case's invoices are in [CNY]")), refused.violations());
            assertEquals(Money.of("8500.00", "CNY"), AgencyUpdate.reported(kind, MAY_4, Money.of("8500.00", "CNY"), null,
                    null, MAY_4, held).amount(), kind.name());
        }
        assertEquals(List.of("amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PROMISE, MAY_4,
                Money.of("8500.00", "USD"), MAY_4.plusDays(10), null, MAY_4, held)));
        assertEquals(List.of("reportedOn", "amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED,
                MAY_4.minusDays(1), Money.of("8500.00", "USD"), null, null, MAY_4, held)));
        assertEquals(List.of("note", "amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED,
                MAY_4, Money.of("8500.00", "USD"), null, "x".repeat(AgencyUpdate.NOTE_MAX + 1), MAY_4, held)));
        assertEquals(List.of("amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, "8500.00",
                "USD", null, null, MAY_4, held)));
        assertEquals(Money.of("8500.00", "CNY"), AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, "8500.00", "CNY", null,
                null, MAY_4, held).amount());
        assertNull(AgencyUpdate.reported(Kind.RETURNED, MAY_4, null, null, null, MAY_4, held).amount());
    }

    /**
     * Each currency rule on its own: the agency collecting CNY and USD, a buyer owing only CNY (USD: not the case's); the
     * agency collecting CNY from 1 May and CNY and USD from 10 May (version 2), a buyer owing both: USD reported on 9 May is
     * refused (not the agency's then), on 10 May accepted.
     */
    @Test
    void theContractInForceOnTheReportsDayAndTheCasesInvoicesEachDecide() {
        RecordedAgencyContract both = new RecordedAgencyContract(new AgencyContract("huaxin", new java.math.BigDecimal("15"),
                java.util.Set.of(CNY, USD)), 2, MAY_4.minusDays(3), "Huaxin", null, "lena");
        DomainError notTheCases = assertThrows(DomainError.class, () -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4,
                Money.of("100.00", "USD"), null, null, MAY_4, huaxinHolds(java.util.Set.of(CNY), both)));
        assertEquals(List.of(new Violation("amount.currency", "'USD' is not a currency of this case: the case's invoices are in"
                + " [CNY]")), notTheCases.violations());
        LocalDate may10 = LocalDate.of(2026, 5, 10);
        AgencyUpdate.Held later = huaxinHolds(java.util.Set.of(CNY, USD), new RecordedAgencyContract(both.contract(), 2, may10,
                "Huaxin", null, "lena"));
        DomainError notYetTheAgencys = assertThrows(DomainError.class, () -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED,
                may10.minusDays(1), Money.of("100.00", "USD"), null, null, may10, later));
        assertEquals(List.of(new Violation("amount.currency", "'USD' is not a currency of this case: the agency collects [CNY]"
                + " under its contract in force on 2026-05-09")), notYetTheAgencys.violations());
        assertEquals(Money.of("100.00", "USD"), AgencyUpdate.reported(Kind.PAYMENT_REPORTED, may10, Money.of("100.00", "USD"),
                null, null, may10, later).amount());
        // no reportedOn: the contract of the hand-off day judges the currency, and reportedOn is named
        assertEquals(List.of("reportedOn", "amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, null,
                Money.of("100.00", "USD"), null, null, may10, later)));
    }

    /**
     * Reported on 4 May: a report of 5 May (the agency cannot have learnt it tomorrow) is refused naming reportedOn, with
     * every other wrong field of the same report; one of 4 May or before is not. Until session 33 it was accepted.
     */
    @Test
    void aReportDatedAfterTodayIsRefused() {
        DomainError refused = assertThrows(DomainError.class, () -> AgencyUpdate.reported(Kind.CONTACT_MADE,
                MAY_4.plusDays(1), null, null, null, MAY_4));
        assertEquals(DomainError.Kind.INVALID, refused.kind());
        assertEquals("agency-update.invalid", refused.code());
        assertEquals(List.of(new Violation("reportedOn", "must not be after today (2026-05-04): the day the agency learnt it")),
                refused.violations());
        assertEquals(List.of("promisedFor", "reportedOn"), fields(() -> AgencyUpdate.reported(Kind.PROMISE,
                MAY_4.plusDays(1), Money.of("8500.00", "CNY"), null, null, MAY_4)));
        assertEquals(MAY_4, AgencyUpdate.reported(Kind.CONTACT_MADE, MAY_4, null, null, null, MAY_4).reportedOn());
        assertEquals(MAY_4.minusDays(1), AgencyUpdate.reported(Kind.PROMISE, MAY_4.minusDays(1), Money.of("8500.00", "CNY"),
                MAY_4.plusDays(10), null, MAY_4).reportedOn());
        assertEquals(List.of("kind", "reportedOn"), fields(() -> AgencyUpdate.reported(null, null, null, null, null, MAY_4)));
    }

    /**
     * An amount as written: "abc" in "cny" names both parts (amount.amount, amount.currency: cny is not CNY) with the rest of
     * the report's faults, not "amount is required"; "8500.001" CNY names the amount; "8500.00" CNY is read as 8,500.00 CNY.
     */
    @Test
    void eachPartOfAnUnreadableAmountIsNamed() {
        DomainError refused = assertThrows(DomainError.class, () -> AgencyUpdate.reported(null, null, "abc", "cny", null, null,
                MAY_4));
        assertEquals(List.of("amount.currency", "amount.amount", "kind", "reportedOn"),
                refused.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("amount.currency", "promisedFor"), fields(() -> AgencyUpdate.reported(Kind.PROMISE, MAY_4,
                "8500.00", "XYZ", null, null, MAY_4)));
        assertEquals(List.of("amount.amount"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, "8500.001",
                "CNY", null, null, MAY_4)));
        assertEquals(List.of("amount.amount"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, null,
                "CNY", null, null, MAY_4)));
        assertEquals(List.of("amount.currency"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, "1.00",
                null, null, null, MAY_4)));
        assertEquals(List.of("amount"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, "0.00", "CNY", null,
                null, MAY_4)));
        assertEquals(List.of("amount"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, null, null, null,
                null, MAY_4)));
        assertEquals(Money.of("8500.00", "CNY"), AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, " 8500 ", "CNY", null,
                null, MAY_4).amount());
        assertNull(AgencyUpdate.reported(Kind.CONTACT_MADE, MAY_4, null, null, null, null, MAY_4).amount());
        // at most 64 characters of text: 8500.00 written with leading zeros to 64 is read, to 65 is no amount
        String sixtyFour = "0".repeat(64 - 7) + "8500.00";
        assertEquals(Money.of("8500.00", "CNY"), AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4, sixtyFour, "CNY", null,
                null, MAY_4).amount());
        assertEquals(List.of("amount.amount"), fields(() -> AgencyUpdate.reported(Kind.PAYMENT_REPORTED, MAY_4,
                "0" + sixtyFour, "CNY", null, null, MAY_4)));
    }
}
