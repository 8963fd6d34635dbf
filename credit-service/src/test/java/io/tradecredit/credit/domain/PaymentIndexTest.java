package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradecredit.credit.domain.PaymentIndex.Settlement;

class PaymentIndexTest {
    @Test
    void daysBeyondTermsAreWeightedByAmount() {
        // 90,000 paid 10 days late and 10,000 paid 40 days late: (900,000 + 400,000) / 100,000 = 13.0
        var history = List.of(new Settlement(new BigDecimal("90000"), 10), new Settlement(new BigDecimal("10000"), 40));
        assertEquals(new BigDecimal("13.0"), PaymentIndex.weightedDaysBeyondTerms(history));
        assertNull(PaymentIndex.weightedDaysBeyondTerms(List.of()));
    }

    @Test
    void indexFollowsThePaydexScale() {
        assertEquals(80, PaymentIndex.of(BigDecimal.ZERO));
        assertEquals(100, PaymentIndex.of(new BigDecimal("-45")));
        assertEquals(50, PaymentIndex.of(new BigDecimal("30")));
        assertEquals(20, PaymentIndex.of(new BigDecimal("120")));
        assertEquals(1, PaymentIndex.of(new BigDecimal("400")));
        // 13 days: between 0 -> 80 and 15 -> 70: 80 - 10 x 13/15 = 71.33 -> 71
        assertEquals(71, PaymentIndex.of(new BigDecimal("13.0")));
    }
}
