package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Aging.Bucket;
import io.tradecredit.invoice.domain.Aging;

/** Aging as of a date, one row per currency; each bucket with its amount and invoice count. */
public record AgingView(LocalDate asOf, UUID buyerId, List<Row> currencies) {

    public record Sum(Money amount, int invoices) {
        static Sum of(Aging.Sum s) {
            return new Sum(s.amount(), s.invoices());
        }
    }

    public record Row(String currency, Sum current, Sum days1to30, Sum days31to60, Sum days61to90, Sum over90,
            Sum total) {
        static Row of(Aging.Row r) {
            return new Row(r.currency(), Sum.of(r.bucket(Bucket.CURRENT)), Sum.of(r.bucket(Bucket.DPD_1_30)),
                    Sum.of(r.bucket(Bucket.DPD_31_60)), Sum.of(r.bucket(Bucket.DPD_61_90)),
                    Sum.of(r.bucket(Bucket.OVER_90)), Sum.of(r.total()));
        }
    }

    static AgingView of(LocalDate asOf, UUID buyerId, List<Aging.Row> rows) {
        return new AgingView(asOf, buyerId, rows.stream().map(Row::of).toList());
    }
}
