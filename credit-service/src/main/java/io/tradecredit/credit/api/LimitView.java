package io.tradecredit.credit.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.credit.app.CreditLimits;
import io.tradecredit.credit.domain.Buyer;

/** A buyer's limit and terms, what the formula recommends for its grade, and a request waiting for approval. */
public record LimitView(UUID buyerId, Money limit, Money recommended, int paymentTermDays, Integer grade,
        LocalDate reviewDueOn, boolean blocked, String blockReason, String setBy, OffsetDateTime setAt,
        LimitRequestView pendingRequest) {

    public static LimitView of(CreditLimits.LimitState s) {
        Buyer b = s.buyer();
        return new LimitView(b.id, b.limit(), s.recommended(), b.paymentTermDays, b.grade, b.reviewDueOn, b.blocked,
                b.blockReason, b.limitSetBy, b.limitSetAt, s.pending() == null ? null : LimitRequestView.of(s.pending()));
    }
}
