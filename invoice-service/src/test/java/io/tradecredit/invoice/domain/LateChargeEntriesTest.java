package io.tradecredit.invoice.domain;

import static io.tradecredit.invoice.domain.LateChargePolicyTest.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.money.Money;

/**
 * Late charges are entries of a buyer's statement, so its entries reconcile with totals that count them. INV-1,
 * 10,000.00 due 2026-10-01 and never paid, under 0.05 % a day and 3 % at 30 days past due.
 */
class LateChargeEntriesTest {
    static final LocalDate DUE = LocalDate.of(2026, 10, 1);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-05T09:00:00Z");
    static final LateChargeTerms TERMS = new LateChargeTerms(LateChargePolicy.DEFAULT, LateChargeTerms.Source.TENANT);
    static final Invoice INV_1 = LateChargeTermsTest.hundredThousand(DUE, TERMS);

    static {
        INV_1.invoiceNumber = "INV-1";
        INV_1.totalAmount = new BigDecimal("10000.00");
    }

    static BuyerStatement.Line line(LocalDate asOf, List<LateChargeWaiver> waivers) {
        return new BuyerStatement.Line(INV_1, LateChargeAccount.of(INV_1, BalanceHistory.of(INV_1, List.of(), List.of()),
                waivers, asOf));
    }

    /** The statement from {@code from} to {@code asOf}, with its opening balance, as the service builds it. */
    static BuyerStatement statement(LocalDate from, LocalDate asOf, List<LateChargeWaiver> waivers) {
        List<BuyerStatement.Line> before = List.of(line(from.minusDays(1), waivers));
        List<BuyerStatement.Line> now = List.of(line(asOf, waivers));
        return BuyerStatement.of(null, from, asOf, TERMS, now,
                LateChargeEntries.between(before, now, waivers, from, asOf))
                .withOpening(BuyerStatement.of(null, from.minusDays(1), from.minusDays(1), TERMS, before, List.of()));
    }

    static StatementEntry entry(StatementEntry.Kind kind, LocalDate on, String amount, UUID reference, String note) {
        return new StatementEntry(kind, on, INV_1.id, "INV-1", cny(amount), reference, note, null, null);
    }

    static Money sum(List<StatementEntry> entries) {
        return entries.stream().map(StatementEntry::amount).reduce(cny("0.00"), Money::plus);
    }

    @Test
    void theFeeAndTheInterestOfTheMonthAreEntriesThatAddUpToWhatTheStatementSaysIsDue() {
        // October as of 10-31, 30 days past due: the 3 % fee of 300.00 on its day, 0.05 % x 10,000.00 x 30 = 150.00
        BuyerStatement october = statement(DUE, DUE.plusDays(30), List.of());
        assertEquals(List.of(entry(StatementEntry.Kind.LATE_INTEREST, DUE.plusDays(30), "-150.00", null,
                        "late interest 2026-10-01 to 2026-10-31"),
                entry(StatementEntry.Kind.LATE_FEE, DUE.plusDays(30), "-300.00", null, "late fee at 30 days past due")),
                october.entries());
        BuyerStatement.Total total = october.totals().get(0);
        assertEquals(cny("10450.00"), total.balance());
        // opening 10,000.00 + nothing invoiced - (-450.00) = 10,450.00
        assertEquals(cny("10000.00"), total.openingBalance());
        assertEquals(total.balance(), total.openingBalance().minus(sum(october.entries())));
    }

    @Test
    void aWaiverInThePeriodIsAnEntryOnItsDayAndAFeeThatFellDueBeforeIsNoEntryAgain() {
        // the fee waived on 11-05 (as it stood then); November as of 11-30: 30 more days of interest, 300.00 given up
        LateChargeWaiver feeWaived = LateChargeWaiver.waive(INV_1, LateChargeWaiver.Scope.FEE, "key customer",
                line(LocalDate.of(2026, 11, 5), List.of()).account(), AT, "finance");
        BuyerStatement november = statement(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of(feeWaived));
        assertEquals(List.of(entry(StatementEntry.Kind.LATE_CHARGES_WAIVED, LocalDate.of(2026, 11, 5), "300.00",
                        feeWaived.id(), "late charges waived: key customer"),
                entry(StatementEntry.Kind.LATE_INTEREST, LocalDate.of(2026, 11, 30), "-150.00", null,
                        "late interest 2026-11-01 to 2026-11-30")),
                november.entries());
        BuyerStatement.Total total = november.totals().get(0);
        // 10,450.00 on 10-31 - (300.00 - 150.00) = 10,300.00: the principal and 300.00 of interest
        assertEquals(cny("10450.00"), total.openingBalance());
        assertEquals(cny("10300.00"), total.balance());
        assertEquals(total.balance(), total.openingBalance().minus(sum(november.entries())));
    }

    @Test
    void aFeeThatFellDueBeforeThePeriodButGrewInItIsChargedOnTheStatementsDate() {
        // a period from 11-01 whose day before had no account yet (not on that statement): all it came to is entered,
        // the fee on the statement's date as its day (10-31) is before the period
        BuyerStatement.Line now = line(LocalDate.of(2026, 11, 10), List.of());
        List<StatementEntry> entries = LateChargeEntries.between(List.of(), List.of(now), List.of(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 10));
        assertEquals(List.of(entry(StatementEntry.Kind.LATE_INTEREST, LocalDate.of(2026, 11, 10), "-200.00", null,
                        "late interest 2026-11-01 to 2026-11-10"),
                entry(StatementEntry.Kind.LATE_FEE, LocalDate.of(2026, 11, 10), "-300.00", null,
                        "late fee at 30 days past due")), entries);
    }

    @Test
    void anInvoiceThatLeftTheStatementTakesItsChargesWithItAndNothingChargedIsNoEntry() {
        // on the day before the period, 10 days past due: 50.00 of interest; not on the statement now (written off)
        BuyerStatement.Line before = line(DUE.plusDays(10), List.of());
        assertEquals(List.of(entry(StatementEntry.Kind.LATE_INTEREST, DUE.plusDays(20), "50.00", null,
                        "late interest taken back")),
                LateChargeEntries.between(List.of(before), List.of(), List.of(), DUE.plusDays(11), DUE.plusDays(20)));
        // not yet due: nothing charged, no entry
        assertEquals(List.of(), LateChargeEntries.between(List.of(line(DUE.minusDays(5), List.of())),
                List.of(line(DUE, List.of())), List.of(), DUE.minusDays(4), DUE));
    }

    @Test
    void whatWasWaivedBeforeThePeriodLeavesWithTheInvoiceAndAnotherInvoicesWaiverIsNotItsDay() {
        // 95.00 of interest waived on 10-20 (19 days); on 10-31 the invoice owed 150.00 + 300.00 - 95.00; in November
        // it left the statement (written off): all of it taken back on 11-30; another invoice's waiver of 11-15 is not it
        LateChargeWaiver interestWaived = LateChargeWaiver.waive(INV_1, LateChargeWaiver.Scope.INTEREST, "goodwill",
                line(LocalDate.of(2026, 10, 20), List.of()).account(), AT, "finance");
        assertEquals(cny("95.00"), interestWaived.waived().interest());
        LateChargeWaiver another = new LateChargeWaiver(UUID.randomUUID(), "acme", UUID.randomUUID(), null,
                LateChargeWaiver.Scope.ALL, "other", new LateCharges(cny("10.00"), cny("0.00")),
                LateChargePolicy.DEFAULT, LocalDate.of(2026, 11, 15), AT, "finance");
        List<LateChargeWaiver> waivers = List.of(interestWaived, another);
        LocalDate asOf = LocalDate.of(2026, 11, 30);
        assertEquals(List.of(entry(StatementEntry.Kind.LATE_INTEREST, asOf, "150.00", null, "late interest taken back"),
                entry(StatementEntry.Kind.LATE_FEE, asOf, "300.00", null, "late fee taken back"),
                entry(StatementEntry.Kind.LATE_CHARGES_WAIVED, asOf, "-95.00", null, "waived late charges taken back")),
                LateChargeEntries.between(List.of(line(DUE.plusDays(30), waivers)), List.of(), waivers,
                        LocalDate.of(2026, 11, 1), asOf));
    }
}
