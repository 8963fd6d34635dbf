package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * The late charges a buyer statement lists among its entries, so that they reconcile with its totals (which count the
 * charges due): per invoice, what its charges came to on the statement's date less what they came to on the day before
 * its period, each under the invoice's own terms, as the two statements count them (an invoice on neither counts
 * nothing). Interest charged is a LATE_INTEREST entry on the statement's date, the fee a LATE_FEE entry on its day (the
 * days past due of the invoice's terms; on the statement's date when it grew later), both negative (they raised what
 * the buyer owes); what waivers gave up in the period a positive LATE_CHARGES_WAIVED entry on the latest waiver's day.
 * Charges that fell (a credit note took back what they were charged on, the invoice left the statement) are the same
 * kinds, positive, "taken back".
 * 10,000.00 due 2026-10-01, unpaid, statement of October as of 10-31 (30 DPD): LATE_FEE -300.00 on 10-31 and
 * LATE_INTEREST -150.00 (0.05 % x 10,000.00 x 30) on 10-31; the fee waived on 11-05, statement of November as of
 * 11-30: LATE_INTEREST -150.00, LATE_CHARGES_WAIVED 300.00 on 11-05.
 */
public final class LateChargeEntries {

    private LateChargeEntries() {
    }

    /**
     * The entries of the period from {@code from} to {@code asOf}: {@code before}, the statement's invoices with their
     * charges on the day before {@code from}; {@code now}, on {@code asOf}; {@code waivers}, those of these invoices.
     */
    public static List<StatementEntry> between(List<BuyerStatement.Line> before, List<BuyerStatement.Line> now,
            List<LateChargeWaiver> waivers, LocalDate from, LocalDate asOf) {
        Map<UUID, BuyerStatement.Line> then = new LinkedHashMap<>();
        before.forEach(l -> then.put(l.invoice().id, l));
        Map<UUID, BuyerStatement.Line> today = new LinkedHashMap<>();
        now.forEach(l -> today.put(l.invoice().id, l));
        Map<UUID, Invoice> invoices = new LinkedHashMap<>();
        now.forEach(l -> invoices.put(l.invoice().id, l.invoice()));
        before.forEach(l -> invoices.putIfAbsent(l.invoice().id, l.invoice()));
        List<StatementEntry> entries = new ArrayList<>();
        invoices.values().forEach(i -> entries.addAll(of(i, charges(then.get(i.id), i), charges(today.get(i.id), i),
                waivers.stream().filter(w -> w.invoiceId().equals(i.id)).toList(), from, asOf)));
        return entries;
    }

    private static List<StatementEntry> of(Invoice invoice, Counted before, Counted now,
            List<LateChargeWaiver> waivers, LocalDate from, LocalDate asOf) {
        List<StatementEntry> entries = new ArrayList<>();
        Money interest = now.accrued().interest().minus(before.accrued().interest());
        if (!interest.isZero()) {
            entries.add(entry(StatementEntry.Kind.LATE_INTEREST, asOf, invoice, interest.negate(), null,
                    interest.isPositive() ? "late interest " + from + " to " + asOf : "late interest taken back"));
        }
        Money fee = now.accrued().fee().minus(before.accrued().fee());
        if (!fee.isZero()) {
            LocalDate feeDay = invoice.dueDate.plusDays(invoice.lateChargeTerms().policy().feeAfterDays());
            entries.add(entry(StatementEntry.Kind.LATE_FEE, within(feeDay, from, asOf) ? feeDay : asOf, invoice,
                    fee.negate(), null, fee.isPositive() ? "late fee at "
                            + invoice.lateChargeTerms().policy().feeAfterDays() + " days past due" : "late fee taken back"));
        }
        Money waived = now.waived().total().minus(before.waived().total());
        if (!waived.isZero()) {
            LateChargeWaiver last = waivers.stream().filter(w -> within(w.waivedOn(), from, asOf))
                    .max(Comparator.comparing(LateChargeWaiver::waivedOn)
                            .thenComparing(LateChargeWaiver::waivedAt))
                    .orElse(null);
            entries.add(last == null
                    ? entry(StatementEntry.Kind.LATE_CHARGES_WAIVED, asOf, invoice, waived, null,
                            waived.isPositive() ? "late charges waived" : "waived late charges taken back")
                    : entry(StatementEntry.Kind.LATE_CHARGES_WAIVED, last.waivedOn(), invoice, waived, last.id(),
                            "late charges waived: " + last.reason()));
        }
        return entries;
    }

    /** What accrued on an invoice and what was waived by a date. */
    private record Counted(LateCharges accrued, LateCharges waived) {
    }

    /** The invoice's charges as a statement counts them: nothing when it is not on it. */
    private static Counted charges(BuyerStatement.Line line, Invoice invoice) {
        if (line == null) {
            LateCharges none = LateCharges.zero(invoice.currency());
            return new Counted(none, none);
        }
        return new Counted(line.account().accrued(), line.account().waived());
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate asOf) {
        return !day.isBefore(from) && !day.isAfter(asOf);
    }

    private static StatementEntry entry(StatementEntry.Kind kind, LocalDate on, Invoice invoice, Money amount,
            UUID reference, String note) {
        return new StatementEntry(kind, on, invoice.id, invoice.invoiceNumber, amount, reference, note, null, null);
    }
}
