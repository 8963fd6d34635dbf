package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tradecredit.common.money.Money;

/**
 * Days sales outstanding in one currency: receivables open at the date / net credit sales × {@code periodDays}, to one
 * decimal, HALF_UP. Net credit sales are the invoice totals issued in the {@code periodDays} up to the date less the
 * credit notes issued on those invoices by the date ({@code creditNotesOnSales}; not the collection report's
 * {@code creditNotes}, which are the notes issued in the period on any invoice): a note takes back what was never owed, so
 * it was never sold on credit (100,000 sold, 50,000 of it credited for returned goods, the other 50,000 open, over 90
 * days: 50,000 / 50,000 × 90 = 90.0 days, not 50,000 / 100,000 × 90 = 45.0). Without net sales in the period there
 * is no meaningful ratio: {@code days} is null and {@code reason} says why.
 */
public record Dso(Money receivables, Money creditSales, Money creditNotesOnSales, int periodDays, BigDecimal days,
        String reason) {

    public static Dso of(Money receivables, Money creditSales, int periodDays) {
        return of(receivables, creditSales, Money.zero(creditSales.currency()), periodDays);
    }

    public static Dso of(Money receivables, Money creditSales, Money creditNotesOnSales, int periodDays) {
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be at least 1");
        }
        Money netSales = creditSales.minus(creditNotesOnSales);
        if (!netSales.isPositive()) {
            return new Dso(receivables, creditSales, creditNotesOnSales, periodDays, null, creditSales.isPositive()
                    ? "what was sold in the " + periodDays + " days up to the date was all credited"
                    : "no credit sales in the " + periodDays + " days up to the date");
        }
        BigDecimal days = receivables.amount().multiply(BigDecimal.valueOf(periodDays))
                .divide(netSales.amount(), 1, RoundingMode.HALF_UP);
        return new Dso(receivables, creditSales, creditNotesOnSales, periodDays, days, null);
    }
}
