package io.tradecredit.credit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

class LimitRequestTest {
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anApprovalSetsTheLimitAskedFor() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest r = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        assertEquals(Money.of("80000.00", "CNY"), r.approvedFor(b));
    }

    @Test
    void aRequestInACurrencyTheBuyerNoLongerTradesInCannotBeApproved() {
        Buyer b = BuyerTest.registered(null, "CNY", 30);
        LimitRequest r = LimitRequest.pending(b, Money.of("80000.00", "CNY"), "growing orders", "fin-1", AT);
        Buyer nowInDollars = BuyerTest.registered(null, "USD", 30);
        var e = assertThrows(DomainError.class, () -> r.approvedFor(nowInDollars));
        assertEquals("limit-request.currency-changed", e.code());
        assertEquals(DomainError.Kind.CONFLICT, e.kind());
        assertEquals("Limit request " + r.id + " asks for a limit in CNY but the buyer now trades in USD; reject it"
                + " and ask again.", e.getMessage());
    }
}
