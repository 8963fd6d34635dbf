package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * A collector's task a taken ladder step gave a buyer (its item, step key and action key), due on
 * the run date; on the buyer's worklist entry until done, or cancelled when a payment or credit note
 * cleared what it was about (docs/domain.md §3 "Payments act at once") or an agreed payment plan took its
 * invoices out of the overdue.
 *
 * @param doneOn null while open
 */
public record CollectorTask(UUID id, UUID buyerId, String itemReference, String stepKey, String actionKey,
        LocalDate dueOn, OffsetDateTime createdAt, LocalDate doneOn, String doneBy) {

    /**
     * What the task's item is about, from its reference in the log of steps: an invoice (its id, or
     * {@code <invoiceId>/<planId>} for what a broken plan left of it), or an instalment of a payment
     * plan ({@code <planId>#<number>}), which concerns every invoice of that plan.
     *
     * @param invoiceId null for an instalment
     * @param planId null for an invoice
     */
    public record Concerns(UUID invoiceId, UUID planId) {
    }

    /** The +3 step's work, {@code task.call-to-confirm-reason}: a call to the buyer to confirm why it has not paid. */
    public static final String CALL_TO_CONFIRM_REASON = "task.call-to-confirm-reason";

    /**
     * Whether a call logged on the buyer's case does this task (docs/collections-service.md, session 31 decision: a call
     * ends the action due): the call to confirm the reason is that call, so it is done by the caller the day of the call
     * and leaves the worklist; any other task (and one already done) stays.
     */
    public boolean isDoneByACall() {
        return doneOn == null && CALL_TO_CONFIRM_REASON.equals(actionKey);
    }

    public Concerns concerns() {
        String[] planAndNumber = itemReference.split("#", 2);
        if (planAndNumber.length == 2) {
            return new Concerns(null, UUID.fromString(planAndNumber[0]));
        }
        return new Concerns(UUID.fromString(itemReference.split("/", 2)[0]), null);
    }

    /**
     * Why the task is cancelled, given the invoices it concerns as they stand now: every one of them
     * cleared ({@link InvoiceNow#isCleared}), or, for a task about an invoice (not an instalment), under
     * a payment plan still agreed, or ended by an agency's settlement ({@code settled by agency <code>: INV-1}): the plan's instalment dates replace the invoice's due date, so it is
     * no longer overdue and the ladder duns the instalments instead (§3: invoices under a kept plan
     * are not dunned; a broken plan's remainder gets tasks of its own). Empty while one is still owed
     * and overdue, or when none is known (nothing says the task is moot).
     */
    public Optional<String> cancelledBecause(Collection<InvoiceNow> concerned) {
        boolean aboutInvoice = concerns().planId() == null;
        if (concerned.isEmpty() || !concerned.stream().allMatch(i -> i.isCleared() || settled(i)
                || aboutInvoice && i.underPlan())) {
            return Optional.empty();
        }
        String numbers = String.join(", ", concerned.stream().map(InvoiceNow::invoiceNumber).sorted().toList());
        if (concerned.stream().allMatch(InvoiceNow::isCleared)) {
            return Optional.of("nothing owed any more on " + numbers);
        }
        if (concerned.stream().allMatch(i -> i.isCleared() || settled(i))) {
            return Optional.of("settled by agency " + String.join(", ", concerned.stream().filter(CollectorTask::settled)
                    .map(InvoiceNow::settledByAgency).distinct().sorted().toList()) + ": " + numbers);
        }
        return Optional.of("under an agreed payment plan: " + numbers);
    }

    /**
     * An agency's settlement ended the invoice's debt (docs/collections-service.md, "Agencies"): nobody asks for what it
     * left, instalments included, a collector writes it off; a task about it is as moot as one about a paid invoice.
     */
    private static boolean settled(InvoiceNow i) {
        return i.settledByAgency() != null;
    }
}
