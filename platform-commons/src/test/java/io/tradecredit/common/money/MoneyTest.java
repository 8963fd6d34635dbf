package io.tradecredit.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class MoneyTest {
    @Test
    void amountTakesTheCurrencyScale() {
        assertEquals("1234.50", Money.of("1234.5", "CNY").amountText());
        assertEquals("1200", Money.of("1200", "JPY").amountText());
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("10.005", "CNY"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("10.5", "JPY"));
    }

    @Test
    void ratesRoundHalfUpToTheCent() {
        // 0.05% of 333.33 = 0.166665 -> 0.17
        assertEquals(Money.of("0.17", "CNY"), Money.of("333.33", "CNY").times(new BigDecimal("0.0005")));
        // 3% of 100.50 = 3.015 -> 3.02
        assertEquals(Money.of("3.02", "CNY"), Money.of("100.50", "CNY").times(new BigDecimal("0.03")));
    }

    @Test
    void currenciesDoNotMix() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").plus(Money.of("1", "EUR")));
    }

    @Test
    void jsonCarriesTheAmountAsAString() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"amount\":\"1234.50\",\"currency\":\"CNY\"}", json.writeValueAsString(Money.of("1234.5", "CNY")));
        assertEquals(Money.of("99.90", "EUR"), json.readValue("{\"amount\":\"99.9\",\"currency\":\"EUR\"}", Money.class));
        assertEquals(Money.of("99.90", "EUR"), json.readValue("{\"amount\":99.90,\"currency\":\"EUR\"}", Money.class));
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ1"));
    }

    /**
     * A short text can be a number of ten million digits: refused from its text before any rounding, which took
     * seconds of CPU per field (a batch of a thousand such invoices, hours), and named in a message of its own size.
     */
    @Test
    void anAmountOfMillionsOfDigitsIsRefusedAtOnceInFewWords() {
        java.time.Duration quick = java.time.Duration.ofSeconds(1);
        IllegalArgumentException large = assertThrows(IllegalArgumentException.class,
                () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(quick,
                        () -> Money.fromJson("1e10000000", "CNY")));
        assertEquals("1e10000000 is too large: at most 15 digits before the decimal point", large.getMessage());
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(quick,
                        () -> Money.fromJson("1e-10000000", "CNY")));
        assertEquals("1E-10000000 has more decimals than CNY allows (2)", tiny.getMessage());
        IllegalArgumentException longText = assertThrows(IllegalArgumentException.class,
                () -> Money.fromJson("1".repeat(65), "CNY"));
        assertEquals("amount is not a number of at most 64 characters", longText.getMessage());
        assertEquals("cannot read 'ten' as an amount",
                assertThrows(IllegalArgumentException.class, () -> Money.fromJson("ten", "CNY")).getMessage());
        assertEquals(Money.of("999999999999999.99", "CNY"), Money.fromJson(" 999999999999999.99 ", "CNY"));
    }

    @Test
    void anAmountTextOfExactlySixtyFourCharactersIsRead() {
        String text = "0".repeat(59) + "12.50";
        assertEquals(64, text.length());
        assertEquals(Money.of("12.50", "CNY"), Money.fromJson(text, "CNY"));
    }

    /** The comparisons the rules lean on (caps, floors, signs), at and beside the tie. */
    @Test
    void comparisonsAtAndBesideTheTie() {
        Money ten = Money.of("10.00", "CNY");
        Money otherTen = Money.of("10", "CNY");
        Money eleven = Money.of("11.00", "CNY");
        assertEquals(ten, ten.min(eleven));
        assertEquals(ten, eleven.min(ten));
        assertEquals(eleven, ten.max(eleven));
        assertEquals(eleven, eleven.max(ten));
        // a tie keeps the amount it was asked on (no new object in a loop of caps)
        org.junit.jupiter.api.Assertions.assertSame(ten, ten.min(otherTen));
        org.junit.jupiter.api.Assertions.assertSame(ten, ten.max(otherTen));
        assertEquals(true, eleven.isGreaterThan(ten));
        assertEquals(false, ten.isGreaterThan(otherTen));
        assertEquals(false, ten.isGreaterThan(eleven));
        assertEquals(true, Money.zero("CNY").isZero());
        assertEquals(false, ten.isZero());
        assertEquals(true, ten.negate().isNegative());
        assertEquals(false, Money.zero("CNY").isNegative());
        assertEquals(false, ten.isNegative());
        assertEquals(Money.of("-10.00", "CNY"), ten.negate());
        assertEquals(Money.of(new BigDecimal("3"), "JPY"), Money.zero(java.util.Currency.getInstance("JPY"))
                .plus(Money.of("3", "JPY")));
        assertEquals("10.00 CNY", ten.toString());
    }

    @Test
    void anAmountFitsTheScaleOfItsCurrencyOrNot() {
        java.util.Currency cny = java.util.Currency.getInstance("CNY");
        assertEquals(true, Money.fitsScale(new BigDecimal("10.50"), cny));
        assertEquals(true, Money.fitsScale(new BigDecimal("10.500"), cny));
        assertEquals(true, Money.fitsScale(new BigDecimal("10.55"), cny));
        assertEquals(false, Money.fitsScale(new BigDecimal("10.505"), cny));
        assertEquals(false, Money.fitsScale(new BigDecimal("10.5"), java.util.Currency.getInstance("JPY")));
    }
}
