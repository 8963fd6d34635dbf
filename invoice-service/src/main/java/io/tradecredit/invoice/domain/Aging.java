package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tradecredit.common.money.Money;

/**
 * Open receivables by how late they are (docs/domain.md §2 KPIs), one row per currency: amounts of
 * different currencies are never added together. Items with nothing open are not counted.
 */
public final class Aging {
    private Aging() {
    }

    public enum Bucket {
        CURRENT(0, 0), DPD_1_30(1, 30), DPD_31_60(31, 60), DPD_61_90(61, 90), OVER_90(91, Integer.MAX_VALUE);

        public final int fromDays;
        public final int toDays;

        Bucket(int fromDays, int toDays) {
            this.fromDays = fromDays;
            this.toDays = toDays;
        }

        public static Bucket of(int daysPastDue) {
            for (Bucket b : values()) {
                if (daysPastDue <= b.toDays) {
                    return b;
                }
            }
            throw new IllegalArgumentException("days past due must not be negative: " + daysPastDue);
        }
    }

    /** An amount and how many invoices make it up. */
    public record Sum(Money amount, int invoices) {
        Sum plus(Money more, int moreInvoices) {
            return new Sum(amount.plus(more), invoices + moreInvoices);
        }
    }

    /**
     * What is open on the invoices of one currency falling due on one date, and how many they are: the report's
     * unit. A tenant's receivables come summed by due date from the database, so a report over a million open
     * invoices holds a few thousand of these, not the invoices (the whole list ran the service out of memory).
     */
    public record DueDateTotal(LocalDate dueDate, Money open, int invoices) {
        static DueDateTotal of(OpenItem item) {
            return new DueDateTotal(item.dueDate(), item.open(), 1);
        }

        int daysPastDue(LocalDate asOf) {
            return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
        }
    }

    /** One currency's buckets and their total. */
    public record Row(String currency, Map<Bucket, Sum> buckets, Sum total) {
        public Sum bucket(Bucket b) {
            return buckets.get(b);
        }
    }

    /** The rows, ordered by currency code. */
    public static List<Row> of(Collection<OpenItem> items, LocalDate asOf) {
        return ofTotals(items.stream().map(DueDateTotal::of).toList(), asOf);
    }

    /** The rows of totals by due date (several of one date and currency add up), ordered by currency code. */
    public static List<Row> ofTotals(Collection<DueDateTotal> totals, LocalDate asOf) {
        Map<String, Map<Bucket, Sum>> byCurrency = new TreeMap<>();
        for (DueDateTotal due : totals) {
            if (!due.open().isPositive()) {
                continue;
            }
            Map<Bucket, Sum> buckets = byCurrency.computeIfAbsent(due.open().currencyCode(), c -> empty(due.open()));
            buckets.computeIfPresent(Bucket.of(due.daysPastDue(asOf)), (b, sum) -> sum.plus(due.open(), due.invoices()));
        }
        List<Row> rows = new ArrayList<>();
        byCurrency.forEach((currency, buckets) -> {
            Sum total = new Sum(Money.zero(currency), 0);
            for (Sum s : buckets.values()) {
                total = total.plus(s.amount(), s.invoices());
            }
            rows.add(new Row(currency, buckets, total));
        });
        return rows;
    }

    private static Map<Bucket, Sum> empty(Money like) {
        Map<Bucket, Sum> buckets = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            buckets.put(b, new Sum(Money.zero(like.currency()), 0));
        }
        return buckets;
    }
}
