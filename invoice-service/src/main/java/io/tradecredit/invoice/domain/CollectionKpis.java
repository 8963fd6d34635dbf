package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * DOMAIN §2's other two KPIs, in one currency over the DSO period (the {@code periodDays} up to the date):
 * <ul>
 * <li><b>collection rate</b> = what was collected of the receivables / what there was to collect ({@code toCollect}:
 * the receivables open when the period began + the credit sales of the period - the credit notes issued in it, which
 * take back what was never owed: 10,000 sold, 2,000 credited for a price dispute, 8,000 paid is 100.00 %, not
 * 80.00 %; a buyer's never below nothing), in percent. {@code collected} is what buyers paid
 * in the period (the payments received in it that stand, whole: buyer credit applied to invoices is money counted
 * when it came in, not paid again). What a buyer paid beyond all it had to collect in the period (less what its
 * insurer paid and what was written off: 10,000 written off, then 10,000 paid, kept as its credit) is
 * {@code paidInAdvance}: money for invoices not yet issued, not a receivable collected,
 * so it is shown apart and left out of the rate, buyer by buyer (a buyer with 10,000 due in the period that pays
 * 12,000: 2,000 in advance, 100.00 %, not 120.00 %; another buyer's advance does not make up for one that did not
 * pay). The rate is therefore never above 100 %;</li>
 * <li><b>bad-debt rate</b> = what was written off in the period / the net credit sales of the period (the credit
 * sales - the credit notes issued in it: what a note takes back was never sold on credit; 10,000 sold, 2,000 credited,
 * the 8,000 left written off: 100.00 %, not 80.00 %), in percent.</li>
 * </ul>
 * Both to two decimals, HALF_UP. Nothing to collect, or no sales: that rate is null and {@code reason} says why.
 * Credit notes are neither collected nor bad debt. What the buyers' credit
 * insurers paid in the period (a claim's indemnity, {@code paidByInsurer}) is money received but not the buyers
 * paying: it is shown apart and left out of the collection rate, which measures how the buyers pay (an invoice of
 * 100,000, 20,000 paid by the buyer and 50,000 by its insurer: 20.00 %, not 70.00 %).
 */
public record CollectionKpis(Money openingReceivables, Money creditSales, Money creditNotes, Money toCollect,
        Money collected, Money paidInAdvance,
        Money paidByInsurer, Money writtenOff, int periodDays, BigDecimal collectionRatePercent,
        BigDecimal badDebtRatePercent, String reason) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * One buyer's period in one currency: what it owed at the start, was sold and credited, paid, and what was paid or
     * written off for it.
     */
    public record BuyerPeriod(Money openingReceivables, Money creditSales, Money creditNotes, Money collected,
            Money paidByInsurer, Money writtenOff) {
        /**
         * Open at the start + sold - credited, never below nothing (a note on an invoice paid before the period
         * gives the buyer credit, not a debt of the tenant to collect).
         */
        public Money toCollect() {
            return nonNegative(openingReceivables.plus(creditSales).minus(creditNotes));
        }

        /**
         * What the buyer paid beyond all it could still pay of what there was to collect from it in the period (less
         * what its insurer paid and what was written off: neither is left for the buyer to pay), never below nothing.
         */
        public Money paidInAdvance() {
            return nonNegative(collected.minus(nonNegative(toCollect().minus(paidByInsurer).minus(writtenOff))));
        }

        private static Money nonNegative(Money m) {
            return m.isNegative() ? Money.zero(m.currency()) : m;
        }
    }

    /** The KPIs of one buyer (or of buyers taken as one). */
    public static CollectionKpis of(Money openingReceivables, Money creditSales, Money creditNotes, Money collected,
            Money paidByInsurer, Money writtenOff, int periodDays) {
        return of(List.of(new BuyerPeriod(openingReceivables, creditSales, creditNotes, collected, paidByInsurer,
                writtenOff)), periodDays);
    }

    /**
     * The buyers' periods of one currency added up, each buyer's {@link BuyerPeriod#toCollect} and
     * {@link BuyerPeriod#paidInAdvance} taken on its own. The reports have the database add them up in the same way
     * ({@code persistence.ReceivablesRepository.collectionTotals}: a tenant's buyers, one by one, would not fit in
     * memory), pinned to this rule by {@code ReceivablesFollowTheRulesTest}.
     */
    public record Totals(Money openingReceivables, Money creditSales, Money creditNotes, Money toCollect,
            Money collected, Money paidInAdvance, Money paidByInsurer, Money writtenOff) {

        /** These buyers' periods, all in one currency (at least one), added up. */
        public static Totals of(List<BuyerPeriod> buyers) {
            Money zero = Money.zero(buyers.get(0).collected().currency());
            Totals t = new Totals(zero, zero, zero, zero, zero, zero, zero, zero);
            for (BuyerPeriod b : buyers) {
                t = new Totals(t.openingReceivables.plus(b.openingReceivables()), t.creditSales.plus(b.creditSales()),
                        t.creditNotes.plus(b.creditNotes()), t.toCollect.plus(b.toCollect()),
                        t.collected.plus(b.collected()), t.paidInAdvance.plus(b.paidInAdvance()),
                        t.paidByInsurer.plus(b.paidByInsurer()), t.writtenOff.plus(b.writtenOff()));
            }
            return t;
        }
    }

    /** The KPIs of these buyers' periods, all in one currency (at least one): each buyer's advance left out of the rate. */
    public static CollectionKpis of(List<BuyerPeriod> buyers, int periodDays) {
        return of(Totals.of(buyers), periodDays);
    }

    /** The KPIs of buyers' periods added up ({@link Totals}). */
    public static CollectionKpis of(Totals t, int periodDays) {
        Money toCollect = t.toCollect();
        BigDecimal collectionRate = toCollect.isPositive()
                ? percent(t.collected().minus(t.paidInAdvance()), toCollect) : null;
        Money netSales = t.creditSales().minus(t.creditNotes());
        BigDecimal badDebtRate = netSales.isPositive() ? percent(t.writtenOff(), netSales) : null;
        String reason = collectionRate == null ? "nothing to collect in the " + periodDays + " days up to the date"
                : badDebtRate != null ? null
                : t.creditSales().isPositive() ? "what was sold in the " + periodDays + " days up to the date was all credited"
                : "no credit sales in the " + periodDays + " days up to the date";
        return new CollectionKpis(t.openingReceivables(), t.creditSales(), t.creditNotes(), toCollect, t.collected(),
                t.paidInAdvance(), t.paidByInsurer(), t.writtenOff(), periodDays, collectionRate, badDebtRate, reason);
    }

    private static BigDecimal percent(Money part, Money whole) {
        return part.amount().multiply(HUNDRED).divide(whole.amount(), 2, RoundingMode.HALF_UP);
    }
}
