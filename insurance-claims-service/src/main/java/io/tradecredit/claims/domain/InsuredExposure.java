package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.money.Money;

/**
 * The insured and uninsured parts of a buyer's exposure on a day (docs/insurance-claims-service.md,
 * "Insured and uninsured exposure"): an open invoice can be insured only if it was issued while the
 * buyer had an insured limit, in the policy's currency; of those, the oldest invoices (issue date,
 * then number) are insured first up to the limit in force on the day; the rest, and every other
 * open invoice, is uninsured. An invoice may be insured in part. Once the tenant has notified the buyer's
 * overdue account, deliveries are at its own risk: an invoice issued on or after the stop-deliveries date is
 * uninsured, whatever the limit (the stop counts from its own day on, so an earlier day's split is as it was).
 *
 * @param stopDeliveriesFrom the stop-deliveries date in force on the day, null when none
 */
public record InsuredExposure(Money limit, Money insured, Money uninsured, List<Line> lines, LocalDate stopDeliveriesFrom) {

    /**
     * One open invoice and how much of it is insured.
     *
     * @param issuedUnderCover issued while the buyer had an insured limit and before stop-deliveries
     * @param afterStopDeliveries issued on or after the stop-deliveries date in force on the day
     */
    public record Line(OpenInvoice invoice, Money insured, Money uninsured, boolean issuedUnderCover,
            boolean afterStopDeliveries) {
    }

    /** The split on {@code day} of {@code invoices} (the buyer's, any order) by the buyer's limit {@code decisions}. */
    public static InsuredExposure on(LocalDate day, List<OpenInvoice> invoices, List<LimitDecision> decisions,
            Currency currency) {
        return on(day, invoices, decisions, currency, Optional.empty());
    }

    /**
     * As {@link #on(LocalDate, List, List, Currency)} for a buyer whose deliveries stopped being insured from
     * {@code stopDeliveriesFrom} (the first overdue notification's day under the policy): from that day on, an
     * invoice issued on or after it is uninsured. A stop that starts after {@code day} changes nothing on it.
     */
    public static InsuredExposure on(LocalDate day, List<OpenInvoice> invoices, List<LimitDecision> decisions,
            Currency currency, Optional<LocalDate> stopDeliveriesFrom) {
        Optional<LocalDate> stop = stopDeliveriesFrom.filter(from -> !from.isAfter(day));
        Money limit = InsuredLimit.on(day, decisions, currency).amount();
        Money room = limit;
        Money insured = Money.zero(currency);
        Money uninsured = Money.zero(currency);
        List<Line> lines = new ArrayList<>();
        List<OpenInvoice> oldestFirst = invoices.stream().filter(i -> i.openAmount().isPositive())
                .sorted(Comparator.comparing(OpenInvoice::issueDate).thenComparing(OpenInvoice::invoiceNumber)).toList();
        for (OpenInvoice invoice : oldestFirst) {
            Money open = invoice.openAmount();
            if (!open.currency().equals(currency)) {
                lines.add(new Line(invoice, Money.zero(open.currency()), open, false, false));
                continue;
            }
            boolean stopped = stop.filter(from -> !invoice.issueDate().isBefore(from)).isPresent();
            boolean covered = !stopped && InsuredLimit.on(invoice.issueDate(), decisions, currency).insured();
            Money part = covered ? open.min(room) : Money.zero(currency);
            room = room.minus(part);
            insured = insured.plus(part);
            uninsured = uninsured.plus(open.minus(part));
            lines.add(new Line(invoice, part, open.minus(part), covered, stopped));
        }
        return new InsuredExposure(limit, insured, uninsured, lines, stop.orElse(null));
    }

    /**
     * What a claim on this exposure asks for (docs/domain.md §4: "unpaid insured receivables"): the whole unpaid
     * amount of each invoice delivered under cover, in the order of the lines (oldest first). It is not cut to the
     * limit here: the limit caps the insured loss in {@link Indemnity}, so that the tenant's share of the loss (and
     * of later recoveries) counts what it bears above the limit, and what the ledger writes off after the indemnity
     * is exactly that share. Invoices not delivered under cover (no limit on their issue day, after
     * stop-deliveries, another currency) are not claimed.
     */
    public List<ClaimedInvoice> claimable() {
        return lines.stream().filter(Line::issuedUnderCover)
                .map(l -> new ClaimedInvoice(l.invoice().invoiceNumber(), l.invoice().invoiceId(), l.invoice().openAmount()))
                .toList();
    }
}
