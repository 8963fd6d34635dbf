package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One instalment of a payment plan as the run duns it: its number, its date (which replaces the
 * invoice's due date) and the amount the plan's schedule shows for it. Its reference in the log
 * of steps names the plan and the number, so it stays the same whichever of the plan's invoices
 * a letter lists it beside.
 */
public record PlanInstalment(UUID planId, int number, LocalDate dueDate, Money amount) {

    /** The item reference of the instalment: {@code <planId>#<number>}. */
    public String reference() {
        return planId + "#" + number;
    }
}
