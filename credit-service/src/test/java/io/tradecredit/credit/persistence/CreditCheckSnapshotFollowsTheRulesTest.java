package io.tradecredit.credit.persistence;

import static io.tradecredit.credit.CreditFixtures.MANAGER_ACME;
import static io.tradecredit.credit.CreditFixtures.buyer;
import static io.tradecredit.credit.CreditFixtures.register;
import static io.tradecredit.credit.CreditFixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.app.Ledger;
import io.tradecredit.credit.domain.BuyerLedger;
import io.tradecredit.credit.domain.Exposure;
import io.tradecredit.credit.domain.InvoicePosition;
import io.tradecredit.credit.domain.LedgerChange;
import io.tradecredit.credit.domain.RegradeRule.Happened;
import io.tradecredit.credit.domain.RegradeRule.LedgerEvent;

/**
 * What a buyer owes, for the credit check, is decided by {@link BuyerLedger#exposure} and
 * {@link BuyerLedger#tradedBefore}; the check's hot path reads the same in one SQL statement
 * ({@link CreditCheckRepository#SNAPSHOT}). On the same positions, built by the ledger's own
 * path from invoice changes, for every day around their due dates, the SQL must answer what
 * the rule answers.
 */
@QuarkusTest
class CreditCheckSnapshotFollowsTheRulesTest {
    static final LocalDate TODAY = today();

    @Inject
    Ledger ledger;

    @Inject
    PositionRepository positions;

    @Inject
    CreditCheckRepository checks;

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static LedgerChange issued(UUID invoice, Money total, LocalDate due) {
        return new LedgerChange(invoice, "INV-" + invoice.toString().substring(0, 8), total, total, due, null, null,
                null);
    }

    static LedgerChange paid(UUID invoice, LocalDate on, int daysLate) {
        return new LedgerChange(invoice, null, null, cny("0.00"), null, null, on, daysLate);
    }

    @Test
    void snapshotAgreesWithTheRulesForEveryDay() {
        UUID buyer = UUID.fromString(register(MANAGER_ACME, buyer()));
        List<String> differences = new ArrayList<>();
        compare(buyer, TODAY, differences);   // never invoiced: owes nothing, has not traded

        UUID untouched = UUID.randomUUID();
        UUID partPaid = UUID.randomUUID();
        UUID paidLate = UUID.randomUUID();
        UUID paidThenReversed = UUID.randomUUID();
        UUID disputed = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID writtenOff = UUID.randomUUID();
        UUID inUsd = UUID.randomUUID();
        UUID inUsdToo = UUID.randomUUID();
        UUID inEurPaid = UUID.randomUUID();
        UUID credited = UUID.randomUUID();
        UUID dueToday = UUID.randomUUID();
        apply(buyer, List.of(
                issued(untouched, cny("10000.00"), TODAY.minusDays(20)),
                issued(partPaid, cny("10000.00"), TODAY.minusDays(5)),
                issued(paidLate, cny("10000.00"), TODAY.minusDays(30)),
                issued(paidThenReversed, cny("10000.00"), TODAY.minusDays(40)),
                issued(disputed, cny("8000.00"), TODAY.plusDays(10)),
                issued(cancelled, cny("5000.00"), TODAY.minusDays(3)),
                issued(writtenOff, cny("7000.00"), TODAY.minusDays(60)),
                issued(inUsd, Money.of("3000.00", "USD"), TODAY.minusDays(45)),
                issued(inUsdToo, Money.of("1500.50", "USD"), TODAY.plusDays(5)),
                issued(inEurPaid, Money.of("800.00", "EUR"), TODAY.minusDays(10)),
                issued(credited, cny("1000.00"), TODAY.plusDays(30)),
                issued(dueToday, cny("2500.00"), TODAY)));
        apply(buyer, List.of(
                LedgerChange.open(partPaid, cny("6000.00")),
                paid(paidLate, TODAY.minusDays(18), 12),
                paid(paidThenReversed, TODAY.minusDays(35), 5),
                LedgerChange.open(paidThenReversed, cny("10000.00")),
                new LedgerChange(disputed, null, null, cny("8000.00"), null, new BigDecimal("2000.00"), null, null),
                LedgerChange.open(cancelled, cny("0.00")),
                LedgerChange.open(writtenOff, cny("0.00")),
                LedgerChange.open(credited, cny("600.00")),
                LedgerChange.open(inEurPaid, Money.of("0.00", "EUR"))));
        // a change of an invoice never seen is refused, whole (the inbox retries it, then parks it)
        AssertionError unseen = assertThrows(AssertionError.class,
                () -> apply(buyer, List.of(LedgerChange.open(credited, cny("1.00")), LedgerChange.open(UUID.randomUUID(), cny("100.00")))));
        assertTrue(unseen.getCause() instanceof io.tradecredit.common.events.EarlierEventMissing, unseen.toString());

        for (LocalDate d = TODAY.minusDays(70); !d.isAfter(TODAY.plusDays(40)); d = d.plusDays(1)) {
            compare(buyer, d, differences);
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        // the walk went through the interesting days: on TODAY, 10,000 + 6,000 + 10,000 + 8,000 + 600 + 2,500 open,
        // 10,000 + 6,000 + 10,000 overdue, the USD invoice the oldest overdue; 3,000 + 1,500.50 USD open beside (the
        // EUR invoice is paid)
        Exposure owed = ledgerOf(buyer).exposure("CNY", TODAY);
        // and, each with its own oldest due date, 3,000 USD 45 days and 26,000 CNY 40 days overdue
        assertEquals(new Exposure(cny("37100.00"), cny("26000.00"), TODAY.minusDays(45),
                List.of(Money.of("4500.50", "USD")), List.of(new Exposure.Overdue(Money.of("3000.00", "USD"),
                        TODAY.minusDays(45)), new Exposure.Overdue(cny("26000.00"), TODAY.minusDays(40)))), owed);
    }

    private void compare(UUID buyer, LocalDate day, List<String> differences) {
        CreditCheckRepository.Snapshot s = await(() -> checks.snapshot("acme", buyer, day));
        BuyerLedger ledgerNow = ledgerOf(buyer);
        Exposure rule = ledgerNow.exposure(s.currency(), day);
        Exposure sql = new Exposure(Money.of(s.exposure(), s.currency()), Money.of(s.overdue(), s.currency()),
                s.oldestOverdueDue(), s.otherCurrencies(), s.overdueByCurrency());
        if (!rule.equals(sql) || ledgerNow.tradedBefore() != s.tradedBefore()) {
            differences.add(day + ": sql " + sql + " traded " + s.tradedBefore() + "; rule " + rule + " traded "
                    + ledgerNow.tradedBefore());
        }
    }

    private BuyerLedger ledgerOf(UUID buyer) {
        return new BuyerLedger(await(() -> Panache.withSession(() -> positions.ofBuyer("acme", buyer)))
                .stream().map(InvoicePosition::toPosition).toList());
    }

    private void apply(UUID buyer, List<LedgerChange> changes) {
        await(() -> Panache.withTransaction(() -> ledger.apply("acme", buyer, changes, LedgerEvent.of(Happened.PAYMENT_RECEIVED))));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
