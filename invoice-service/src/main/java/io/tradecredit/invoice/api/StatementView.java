package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.BuyerStatement;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.StatementEntry;

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

    /**
     * An entry on one of the buyer's invoices, or a movement of its credit: CREDIT_KEPT (a payment or its excess kept as
     * credit), CREDIT_NOTE_KEPT (naming the credit note, {@code creditNoteNumber}, and the invoice it credits),
     * CREDIT_APPLIED (negative, beside the PAYMENT entries it made), CREDIT_REVERSED (negative); the period's late
     * charges on an invoice: LATE_INTEREST and LATE_FEE (negative), LATE_CHARGES_WAIVED (positive); a positive amount
     * reduced what was owed net of credit, a negative one raised it.
     */
    public record Entry(LocalDate effectiveDate, UUID invoiceId, String invoiceNumber, StatementEntry.Kind kind,
            Money amount, UUID referenceId, String note, String creditNoteNumber) {
    }

    /**
     * One currency: what is owed ({@code totalDue} = open + late charges), the buyer's credit held on the date
     * ({@code credit}: overpayments, payments kept whole, paid parts of upheld disputes, not applied yet) and the
     * {@code balance} = totalDue - credit (negative: the tenant owes the buyer); {@code openingBalance}: the balance
     * on the day before {@code from}, so opening + invoiced in the period - entries = balance.
     */
    public record Total(String currency, int invoices, Money open, Money lateCharges, Money totalDue, Money credit,
            Money balance, Money openingBalance) {
    }

    static StatementView of(BuyerStatement s) {
        return new StatementView(s.buyerId(), s.from(), s.asOf(), LateChargeTermsJson.Applied.of(s.terms()),
                s.invoices().stream().map(Line::of).toList(),
                s.entries().stream().map(e -> new Entry(e.effectiveDate(), e.invoiceId(), e.invoiceNumber(), e.kind(),
                        e.amount(), e.referenceId(), e.note(), e.creditNoteNumber())).toList(),
                s.totals().stream().map(t -> new Total(t.currency(), t.invoices(), t.open(), t.chargesDue().total(),
                        t.totalDue(), t.credit(), t.balance(), t.openingBalance())).toList());
    }
}
