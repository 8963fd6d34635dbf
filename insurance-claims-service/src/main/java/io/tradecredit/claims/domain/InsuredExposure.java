package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.insurance.InsuredDeliveries;
import io.tradecredit.common.money.Money;

/**
 * The insured and uninsured parts of a buyer's exposure on a day (docs/insurance-claims-service.md,
 * "Insured and uninsured exposure"): an open invoice can be insured only if it was issued while the
 * buyer had an insured limit, in the policy's currency; of those, oldest first (issue date, then number), each is
 * insured for what the limit in force on its issue day leaves after the older ones (chassis
 * {@code InsuredDeliveries}: a limit decision applies to deliveries from its effective date, so a later reduction or
 * cancellation leaves what was delivered under the higher limit insured, and the insured part may exceed the limit
 * of the day); the rest, and every other open invoice, is uninsured. An invoice may be insured in part. Once the tenant has notified the buyer's
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
        // each invoice under the limit in force on its issue day: a later reduction leaves it covered
        InsuredDeliveries cover = InsuredDeliveries.under(currency,
                issued -> InsuredLimit.on(issued, decisions, currency).amount(), day);
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
            Money part = covered ? cover.cover(invoice.issueDate(), open) : Money.zero(currency);
            insured = insured.plus(part);
            uninsured = uninsured.plus(open.minus(part));
            lines.add(new Line(invoice, part, open.minus(part), covered, stopped));
        }
        return new InsuredExposure(limit, insured, uninsured, lines, stop.orElse(null));
    }

    /**
     * What the insured limits cover of a claim's loss ({@code claimed}: the claim's invoices, or those of every part of
     * a split loss) by the rule of the exposure split: oldest first (by issue date; invoices of one day share its
     * limit, so their order changes nothing), each invoice's unpaid
     * amount under the limit in force on its issue day after the older ones, so a limit reduced or cancelled after
     * the deliveries leaves them covered. The issue day is that of the invoice in {@code known} (the read model) with
     * the claimed invoice's id, or its number for a line without id (as the claim follows the ledger, Claim#ledgerSays:
     * a line with the id of INV-1 and the number of another invoice is INV-1; matched by either, it took the other's
     * issue day and currency, and INV-1 of 60,000 delivered under an 80,000 limit was covered for nothing when the other
     * was delivered before the limit); one not known there (a claim by hand naming an invoice the ledger did not) is
     * taken as the oldest and judged under the limit of {@code openedOn}, the claim's day, as before.
     */
    public static Money cover(List<ClaimedInvoice> claimed, List<OpenInvoice> known, List<LimitDecision> decisions,
            Currency currency, LocalDate openedOn) {
        return cover(claimed, known, decisions, currency, openedOn, Optional.empty());
    }

    /**
     * As {@link #cover(List, List, List, Currency, LocalDate)} for a buyer whose deliveries stopped being insured from
     * {@code stopDeliveriesFrom} ({@link StopDeliveries}): an invoice issued on or after that day was delivered at the
     * tenant's own risk, so it is covered for nothing and takes none of the limit, as in the exposure split. A claim by
     * hand may name it (the caller chooses the invoices); its loss is then the tenant's alone. Worked example: limit
     * 80,000, notified 10 June, INV-1 30,000 (5 May), INV-2 20,000 (9 June), INV-3 15,000 (10 June), INV-4 5,000
     * (1 July) claimed by hand: 50,000 covered, not 70,000. Likewise an invoice the ledger has in another currency than
     * the policy's was never insured under it (the exposure split leaves it uninsured, an automatic claim leaves it out):
     * a claim by hand naming it, its amount converted into the policy's currency, is covered for nothing of it (limit
     * 80,000 CNY, INV-1 60,000 CNY and INV-USD claimed as 30,000 CNY: 60,000 covered, indemnity 54,000 at 90 %, not
     * 80,000 and 72,000).
     */
    public static Money cover(List<ClaimedInvoice> claimed, List<OpenInvoice> known, List<LimitDecision> decisions,
            Currency currency, LocalDate openedOn, Optional<LocalDate> stopDeliveriesFrom) {
        record Dated(LocalDate issued, ClaimedInvoice invoice, boolean inCurrency) {
        }
        InsuredDeliveries cover = InsuredDeliveries.under(currency,
                issued -> InsuredLimit.on(issued, decisions, currency).amount(), openedOn);
        claimed.stream().map(c -> known.stream().filter(k -> c.invoiceId() == null
                ? k.invoiceNumber().equals(c.invoiceNumber()) : k.invoiceId().equals(c.invoiceId()))
                .findFirst().map(k -> new Dated(k.issueDate(), c,
                        k.openAmount().currency().equals(currency))).orElse(new Dated(null, c, true)))
                .filter(Dated::inCurrency)
                .filter(d -> d.issued() == null || stopDeliveriesFrom.filter(from -> !d.issued().isBefore(from)).isEmpty())
                .sorted(Comparator.comparing(Dated::issued, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())))
                .forEach(d -> cover.cover(d.issued(), d.invoice().unpaidAmount()));
        return cover.covered();
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
