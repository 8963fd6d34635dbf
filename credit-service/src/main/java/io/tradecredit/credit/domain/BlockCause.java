package io.tradecredit.credit.domain;

/**
 * Why new credit to a buyer was blocked, typed for consumers that act on the cause (a credit
 * insurer's claim opens at once on an insolvency). Today only an insolvency filing blocks a buyer
 * ({@code app.Signals}); a cause added here is added to {@code buyer-blocked.v1}'s schema too.
 */
public enum BlockCause {
    INSOLVENCY
}
