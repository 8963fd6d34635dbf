package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Reports.CollectionReport;

/**
 * Collection and bad-debt rates per currency over the {@code periodDays} up to {@code asOf} (the DSO period):
 * {@code collectionRatePercent} = collected / (opening receivables + credit sales) × 100,
 * {@code badDebtRatePercent} = written off / credit sales × 100; a rate is null, with a reason, when its divisor
 * is nothing. With {@code buyerId}, that buyer's only; without it (null), the tenant's.
 */
public record CollectionView(LocalDate asOf, UUID buyerId, int periodDays, List<CollectionRates> currencies) {

    public record CollectionRates(String currency, Money openingReceivables, Money creditSales, Money collected,
            Money writtenOff, BigDecimal collectionRatePercent, BigDecimal badDebtRatePercent, String reason) {
    }

    static CollectionView of(CollectionReport r) {
        return new CollectionView(r.asOf(), r.buyerId(), r.periodDays(), r.currencies().stream()
                .map(k -> new CollectionRates(k.creditSales().currencyCode(), k.openingReceivables(), k.creditSales(),
                        k.collected(), k.writtenOff(), k.collectionRatePercent(), k.badDebtRatePercent(), k.reason()))
                .toList());
    }
}
