package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Reports.CollectionReport;

/**
 * Collection and bad-debt rates per currency over the {@code periodDays} up to {@code asOf} (the DSO period):
 * {@code collectionRatePercent} = (collected - paidInAdvance) / toCollect × 100, at most 100: what the buyers paid,
 * less what each paid beyond all it had to collect in the period (its opening receivables + credit sales - credit
 * notes, never below nothing; {@code toCollect} is the buyers' sum),
 * the buyers' credit insurers' indemnities shown apart ({@code paidByInsurer}) and not in it,
 * {@code badDebtRatePercent} = written off / (credit sales - credit notes) × 100; a rate is null, with a reason, when its divisor
 * is nothing. With {@code buyerId}, that buyer's only; without it (null), the tenant's.
 */
public record CollectionView(LocalDate asOf, UUID buyerId, int periodDays, List<CollectionRates> currencies) {

    public record CollectionRates(String currency, Money openingReceivables, Money creditSales,
            @Schema(description = "the credit notes issued in the period, whole: they take back what was never owed")
            Money creditNotes,
            @Schema(description = "what there was to collect: openingReceivables + creditSales - creditNotes, buyer by"
                    + " buyer, a buyer's never below nothing") Money toCollect,
            @Schema(description = "what the buyers paid in the period: the buyers' payments received in it that stand,"
                    + " whole (what they left as credit too; credit applied to invoices is not paid again)") Money collected,
            @Schema(description = "what of collected a buyer paid beyond all it had to collect in the period (its"
                    + " openingReceivables + creditSales - creditNotes, less what its insurer paid and what was written off),"
                    + " buyer by buyer: paid ahead of invoices, not a receivable"
                    + " collected, so not in collectionRatePercent") Money paidInAdvance,
            @Schema(description = "what the buyers' credit insurers paid in the period (claims' indemnities as posted"
                    + " on the claimed invoices): money received, not the buyers paying, so not in"
                    + " collectionRatePercent") Money paidByInsurer,
            Money writtenOff,
            @Schema(description = "(collected - paidInAdvance) / toCollect x 100, two"
                    + " decimals, at most 100: how the buyers paid what there was to collect, their advances and the"
                    + " insurers' indemnities left out; null when there was nothing to collect")
            BigDecimal collectionRatePercent,
            BigDecimal badDebtRatePercent, String reason) {
    }

    static CollectionView of(CollectionReport r) {
        return new CollectionView(r.asOf(), r.buyerId(), r.periodDays(), r.currencies().stream()
                .map(k -> new CollectionRates(k.creditSales().currencyCode(), k.openingReceivables(), k.creditSales(),
                        k.creditNotes(), k.toCollect(),
                        k.collected(), k.paidInAdvance(), k.paidByInsurer(), k.writtenOff(), k.collectionRatePercent(), k.badDebtRatePercent(), k.reason()))
                .toList());
    }
}
