package io.tradecredit.collections.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a collection case and the moves allowed from each (docs/domain.md §3 "Cases and
 * agencies"): open → in progress → promise to pay or payment plan → with agency → legal → closed.
 * A case may skip ahead (a big debt goes from open straight to an agency) and falls back to in
 * progress when a promise or plan breaks or an agency returns it; nothing goes back to open, and
 * closed is final (a buyer that falls overdue again gets a new case).
 */
public enum CaseState {
    OPEN, IN_PROGRESS, PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED;

    /** The states a case in this state may move to. */
    public Set<CaseState> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED);
            case IN_PROGRESS -> EnumSet.of(PROMISE_TO_PAY, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED);
            // a broken promise or plan: back to the collector; or a plan agreed instead, or escalation
            case PROMISE_TO_PAY -> EnumSet.of(IN_PROGRESS, PAYMENT_PLAN, WITH_AGENCY, LEGAL, CLOSED);
            case PAYMENT_PLAN -> EnumSet.of(IN_PROGRESS, WITH_AGENCY, LEGAL, CLOSED);
            // recalled by the tenant or returned by the agency; legal action recommended by it
            case WITH_AGENCY -> EnumSet.of(IN_PROGRESS, LEGAL, CLOSED);
            // a settlement in court is paid in instalments
            case LEGAL -> EnumSet.of(PAYMENT_PLAN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState to) {
        return next().contains(to);
    }

    /**
     * The state a case in this state takes when one of its buyer's payment plans ends (broken, or
     * completed while something else is still owed): a case waiting on the plan goes back to the
     * collector (in progress) unless another plan of the buyer is still agreed; any other state is
     * kept (a case with an agency or in legal stays there).
     */
    public CaseState afterPlanEnded(boolean anotherPlanAgreed) {
        return this == PAYMENT_PLAN && !anotherPlanAgreed ? IN_PROGRESS : this;
    }
}
