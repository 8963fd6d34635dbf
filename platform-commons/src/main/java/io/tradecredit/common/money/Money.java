package io.tradecredit.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An amount in a currency, at the currency's scale (CNY and EUR 2 decimals, JPY 0). Never a
 * double. Arithmetic that produces more decimals (rates, shares) rounds HALF_UP to the scale.
 * JSON: {@code {"amount":"1234.50","currency":"CNY"}}.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE)
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** Digits before the decimal point an amount read from a request may have (amount columns are numeric(19,4)). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Decimals a number read from a request may have (the most a column keeps is 8; a share or rate needs fewer). */
    public static final int MAX_DECIMALS = 18;
    /** Characters of text a number read from a request may have: more is no amount, and parsing it is the cost. */
    public static final int MAX_NUMBER_TEXT = 64;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            // toString, not toPlainString: 1E-10000000 written out is ten million characters
            throw new IllegalArgumentException(amount.stripTrailingZeros() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + scale + ")");
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Money fromJson(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("money needs both amount and currency");
        }
        if (amount.length() > MAX_NUMBER_TEXT) {
            throw new IllegalArgumentException("amount is not a number of at most " + MAX_NUMBER_TEXT + " characters");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read '" + amount + "' as an amount");
        }
        // what an amount column (numeric(19,4)) can store, judged before any rounding: bringing 1e10000000 to two
        // decimals writes out ten million digits (seconds of CPU per field); refused here, naming the field
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(amount + " is too large: at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        return new Money(value, currencyOf(currency));
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currencyOf(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currencyOf(currencyCode));
    }

    /** Rounds HALF_UP to the currency's scale: for computed amounts, not for input. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_UP), currency);
    }

    public static Money zero(String currencyCode) {
        return zero(currencyOf(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown currency code: " + code);
        }
    }

    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** Whether {@code amount} fits {@code currencyCode}'s scale without rounding. */
    public static boolean fitsScale(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= scaleOf(currency);
    }

    @JsonGetter("amount")
    public String amountText() {
        return amount.toPlainString();
    }

    @JsonGetter("currency")
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** Multiplies by a factor (a quantity, a rate) and rounds HALF_UP to the currency's scale. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
