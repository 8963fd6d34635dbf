package io.tradecredit.common.persistence;

import java.math.BigDecimal;

import jakarta.persistence.Tuple;

import io.tradecredit.common.money.Money;

/**
 * Reads what a native query row holds in more than one column, by column name: a query asks for
 * {@code createNativeQuery(sql, Tuple.class)} and reads each column as {@code row.get("name", Type.class)}
 * (a {@code date} is a LocalDate, a {@code timestamptz} an OffsetDateTime, an {@code int} an Integer).
 */
public final class Rows {
    private Rows() {
    }

    /** An amount in the currency of another column, at the currency's scale. */
    public static Money money(Tuple row, String amountColumn, String currencyColumn) {
        return Money.rounded(row.get(amountColumn, BigDecimal.class),
                Money.currencyOf(currencyCode(row, currencyColumn)));
    }

    /** A {@code char(3)} currency column's code. */
    public static String currencyCode(Tuple row, String column) {
        return row.get(column, String.class).trim();
    }
}
