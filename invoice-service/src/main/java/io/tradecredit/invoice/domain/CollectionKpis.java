package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tradecredit.common.money.Money;

/**
 * DOMAIN §2's other two KPIs, in one currency over the DSO period (the {@code periodDays} up to the date):
 * <ul>
 * <li><b>collection rate</b> = what buyers paid in the period (the payments received in it that stand, whole: buyer
 * credit applied to invoices is money counted when it came in, not paid again) / what was there to collect (the
 * receivables open when the period began + the credit sales of the period), in percent;</li>
 * <li><b>bad-debt rate</b> = what was written off in the period / the credit sales of the period, in percent.</li>
 * </ul>
 * Both to two decimals, HALF_UP. Nothing to collect, or no sales: that rate is null and {@code reason} says why.
 * Credit notes are neither collected nor bad debt: they take back what was never owed. What the buyers' credit
 * insurers paid in the period (a claim's indemnity, {@code paidByInsurer}) is money received but not the buyers
 * paying: it is shown apart and left out of the collection rate, which measures how the buyers pay (an invoice of
 * 100,000, 20,000 paid by the buyer and 50,000 by its insurer: 20.00 %, not 70.00 %).
 */
public record CollectionKpis(Money openingReceivables, Money creditSales, Money collected, Money paidByInsurer,
        Money writtenOff, int periodDays, BigDecimal collectionRatePercent, BigDecimal badDebtRatePercent,
        String reason) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static CollectionKpis of(Money openingReceivables, Money creditSales, Money collected, Money paidByInsurer,
            Money writtenOff, int periodDays) {
        Money toCollect = openingReceivables.plus(creditSales);
        BigDecimal collectionRate = toCollect.isPositive() ? percent(collected, toCollect) : null;
        BigDecimal badDebtRate = creditSales.isPositive() ? percent(writtenOff, creditSales) : null;
        String reason = collectionRate == null ? "nothing to collect in the " + periodDays + " days up to the date"
                : badDebtRate == null ? "no credit sales in the " + periodDays + " days up to the date" : null;
        return new CollectionKpis(openingReceivables, creditSales, collected, paidByInsurer, writtenOff, periodDays,
                collectionRate, badDebtRate, reason);
    }

    private static BigDecimal percent(Money part, Money whole) {
        return part.amount().multiply(HUNDRED).divide(whole.amount(), 2, RoundingMode.HALF_UP);
    }
}
