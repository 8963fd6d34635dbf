package io.tradecredit.claims.domain;

/**
 * The acts a credit-insurance policy requires by a date for each insured overdue invoice
 * (docs/insurance-claims-service.md, "Deadlines"). The names are the {@code deadline} values of
 * notification-service's templates {@code claims.deadline-warning} and {@code claims.deadline-missed}.
 */
public enum DeadlineKind {
    /** Tell the insurer that the invoice is overdue (an overdue notification naming it). */
    NOTIFY_OVERDUE,
    /** The day new deliveries to the buyer are no longer insured: deliveries on credit must have stopped. */
    STOP_DELIVERIES,
    /** Hand the debt over to the insurer's named collector. */
    TRANSFER_TO_COLLECTOR,
    /** The last day to file (submit) the claim. */
    FILE_CLAIM
}
