package io.tradecredit.invoice.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Reports.DsoReport;

/**
 * DSO per currency as of a date: receivables open then / (invoice totals issued in the {@code periodDays} up to then
 * - the credit notes issued on those invoices by then) × periodDays. {@code dso} is null, with a reason, without
 * such net sales.
 * With {@code buyerId}, both are that buyer's only; without it (null), the tenant's.
 */
public record DsoView(LocalDate asOf, UUID buyerId, int periodDays, List<Row> currencies) {

    public record Row(String currency, Money receivables, Money creditSales,
            @Schema(description = "the credit notes issued by the date on the invoices of creditSales: taken back, never"
                    + " sold on credit, so dso = receivables / (creditSales - creditNotesOnSales) x periodDays; not the collection report's creditNotes,"
                    + " which are the notes issued in the period on any invoice") Money creditNotesOnSales,
            BigDecimal dso, String reason) {
    }

    static DsoView of(DsoReport r) {
        return new DsoView(r.asOf(), r.buyerId(), r.periodDays(), r.currencies().stream()
                .map(d -> new Row(d.receivables().currencyCode(), d.receivables(), d.creditSales(), d.creditNotesOnSales(), d.days(), d.reason()))
                .toList());
    }
}
