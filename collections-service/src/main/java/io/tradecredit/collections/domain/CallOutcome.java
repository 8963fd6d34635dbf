package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A call a collector logged on a case: the buyer's coded reason for not paying and a note. Its
 * {@link #suggestion} is the next move the reason calls for, dated by the tenant's {@link CallTerms}.
 */
public record CallOutcome(NonPaymentReason reason, String note, LocalDate calledOn) {

    public CallOutcome {
        List<Violation> wrong = new ArrayList<>();
        if (reason == null) {
            wrong.add(new Violation("reason", "must be one of INVOICE_PROBLEM, GOODS_NOT_OR_WRONGLY_DELIVERED, "
                    + "PAYMENT_SYSTEM_FAILURE, CASH_FLOW_TROUBLE, OTHER"));
        }
        // "other" says nothing by itself: the note is what the next collector reads
        if (reason == NonPaymentReason.OTHER && (note == null || note.isBlank())) {
            wrong.add(new Violation("note", "must say what the buyer said when the reason is OTHER"));
        }
        TextLimits.atMost(wrong, "note", note, TextLimits.NOTE);
        if (calledOn == null) {
            wrong.add(new Violation("calledOn", "must be given"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("call.invalid", "The call outcome is incomplete", wrong);
        }
    }

    /**
     * The move the reason suggests: a short hold ends {@code shortHoldDays} after the call and
     * the case is looked at the day after it ends; every other move is followed up after
     * {@code followUpDays}.
     */
    public NextMove suggestion(CallTerms terms) {
        NextMove.Kind kind = reason.suggests();
        if (kind == NextMove.Kind.SHORT_HOLD) {
            LocalDate holdUntil = calledOn.plusDays(terms.shortHoldDays());
            return new NextMove(kind, holdUntil, holdUntil.plusDays(1));
        }
        return new NextMove(kind, null, calledOn.plusDays(terms.followUpDays()));
    }
}
