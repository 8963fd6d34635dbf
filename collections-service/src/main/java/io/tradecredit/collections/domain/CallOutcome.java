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
     * The move the reason suggests, its days counted on the tenant's calendar as its ladder counts a step's offset (and
     * as a promise's grace is counted): a short hold ends {@code shortHoldDays} after the call and the case is looked at
     * on the next working day after it ends; every other move is followed up {@code followUpDays} after the call. In
     * calendar days a day the tenant does not work moves to the next working day; in business days only working days
     * are counted. So a suggested date is never a weekend or holiday of the tenant.
     */
    public NextMove suggestion(CallTerms terms, BusinessCalendar calendar, BusinessCalendar.DayCount count) {
        NextMove.Kind kind = reason.suggests();
        if (kind == NextMove.Kind.SHORT_HOLD) {
            LocalDate holdUntil = calendar.stepDay(calledOn, terms.shortHoldDays(), count);
            return new NextMove(kind, holdUntil, calendar.stepDay(holdUntil, 1, count));
        }
        return new NextMove(kind, null, calendar.stepDay(calledOn, terms.followUpDays(), count));
    }
}
