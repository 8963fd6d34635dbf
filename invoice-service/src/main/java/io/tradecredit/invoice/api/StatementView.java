package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.BuyerStatement;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LedgerEntry;

/**
 * A buyer statement as of a date: open invoices with late charges (each under the terms it was issued under,
 * shown on its line), the period's entries, totals per currency; {@code lateChargeTerms}: the buyer's terms
 * now, which its invoices issued from now on get.
 */
public record StatementView(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTermsJson.Applied lateChargeTerms,
        List<Line> invoices, List<Entry> entries, List<Total> totals) {

    public record Line(UUID invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money total,
            Money open, int daysPastDue, LateChargesView.Charges lateCharges, LateChargesView.Charges waived,
            Money totalDue, LateChargeTermsJson.Applied lateChargeTerms) {
        static Line of(BuyerStatement.Line l) {
            LateChargeAccount a = l.account();
            return new Line(l.invoice().id, l.invoice().invoiceNumber, l.invoice().issueDate, l.invoice().dueDate,
                    l.invoice().total(), a.open(), a.daysPastDue(), LateChargesView.Charges.of(a.due()),
                    LateChargesView.Charges.of(a.waived()), a.totalDue(),
                    LateChargeTermsJson.Applied.of(l.invoice().lateChargeTerms()));
        }
    }

    /** A ledger entry; a positive amount reduced what was owed, a negative one (a reversal) raised it. */
    public record Entry(LocalDate effectiveDate, UUID invoiceId, String invoiceNumber, LedgerEntry.Kind kind,
            Money amount, UUID referenceId, String note) {
    }

    /**
     * One currency: what is owed ({@code totalDue} = open + late charges), the buyer's credit held on the date
     * ({@code credit}: overpayments, payments kept whole, paid parts of upheld disputes, not applied yet) and the
     * {@code balance} = totalDue - credit (negative: the tenant owes the buyer).
     */
    public record Total(String currency, int invoices, Money open, Money lateCharges, Money totalDue, Money credit,
            Money balance) {
    }

    static StatementView of(BuyerStatement s) {
        return new StatementView(s.buyerId(), s.from(), s.asOf(), LateChargeTermsJson.Applied.of(s.terms()),
                s.invoices().stream().map(Line::of).toList(),
                s.entries().stream().map(e -> new Entry(e.entry().effectiveDate(), e.entry().invoiceId(),
                        e.invoiceNumber(), e.entry().kind(), e.entry().amount(), e.entry().referenceId(), e.entry().note()))
                        .toList(),
                s.totals().stream().map(t -> new Total(t.currency(), t.invoices(), t.open(), t.chargesDue().total(),
                        t.totalDue(), t.credit(), t.balance())).toList());
    }
}
