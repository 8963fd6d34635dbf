package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.tradecredit.common.money.Money;

/**
 * An invoice line's price for one unit: in the invoice's currency, with up to {@link #MAX_DECIMALS}
 * decimals, more than the currency has (0.0125 CNY a bolt), as real price lists and e-invoices quote
 * them. Only the line's amount is money: quantity x unit price rounded HALF_UP to the currency's
 * scale ({@link #times}), line by line (10,000 bolts at 0.0125 CNY = 125.00; 3 at 0.0125 = 0.0375, 0.04).
 * JSON as money: {@code {"amount":"0.0125","currency":"CNY"}}, kept as sent.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public record UnitPrice(BigDecimal amount, Currency currency) {
    /** Decimals a unit price may have, whatever its currency's. */
    public static final int MAX_DECIMALS = 8;

    public UnitPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            // toString, not toPlainString: 1E-10000000 written out is ten million characters
            throw new IllegalArgumentException(stripped + " has more than " + MAX_DECIMALS
                    + " decimals (a unit price may have up to " + MAX_DECIMALS + ")");
        }
        // at least the currency's decimals, the ones sent beyond them kept: 12.5 CNY reads 12.50, 0.0125 stays
        amount = amount.setScale(Math.max(Money.scaleOf(currency), Math.max(stripped.scale(), 0)), RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static UnitPrice fromJson(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("a unit price needs both amount and currency");
        }
        if (amount.length() > Money.MAX_NUMBER_TEXT) {
            throw new IllegalArgumentException("amount is not a number of at most " + Money.MAX_NUMBER_TEXT + " characters");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + amount + "' as an amount");
        }
        if (value.precision() - value.scale() > Money.MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(amount + " is too large: at most " + Money.MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        return new UnitPrice(value, Money.currencyOf(currency));
    }

    public static UnitPrice of(String amount, String currencyCode) {
        return new UnitPrice(new BigDecimal(amount), Money.currencyOf(currencyCode));
    }

    /** A price that is whole money, e.g. 100.00 CNY. */
    public static UnitPrice of(Money price) {
        return new UnitPrice(price.amount(), price.currency());
    }

    /** The line's amount: {@code quantity} x this price, rounded HALF_UP to the currency's scale. */
    public Money times(BigDecimal quantity) {
        return Money.rounded(amount.multiply(quantity), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonGetter("amount")
    public String amountText() {
        return amount.toPlainString();
    }

    @JsonGetter("currency")
    public String currencyCode() {
        return currency.getCurrencyCode();
    }
}
