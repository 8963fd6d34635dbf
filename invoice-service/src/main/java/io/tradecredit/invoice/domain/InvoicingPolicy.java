package io.tradecredit.invoice.domain;

import java.time.LocalDate;

/**
 * A tenant's invoicing and late-charge terms (docs/domain.md §2); every number is a default the
 * tenant can change. Late charges may be overridden per buyer.
 *
 * <p>{@code issueDateToleranceDays}: how far after today an issue date may lie (default 1 day,
 * so an invoice dated by a seller east of the business time zone after its midnight, Tokyo's
 * say, is not refused while the platform's date is still the day before). {@code unknownBuyers}: whether invoices to buyers
 * credit-service has not registered are accepted (the default, so tenants that invoice before
 * registering their buyers go on as before) or refused. {@code lateChargeStatementDays}: the
 * fewest days between two statements of an overdue invoice's grown late charges on
 * {@code invoice-events} (default 7; {@link LateChargeStatement}). {@code askForReceipt}: whether issuing an
 * invoice asks the buyer to confirm its receipt (default yes; a message request to notification-service).
 * {@code beyondAgreedTerms}: what an invoice due later than the buyer's agreed terms allow gets ({@link AgreedTerms}):
 * flagged (the default) or refused.
 */
public record InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays,
        int issueDateToleranceDays, UnknownBuyers unknownBuyers, int lateChargeStatementDays, boolean askForReceipt,
        BeyondAgreedTerms beyondAgreedTerms) {
    public static final int DEFAULT_ISSUE_DATE_TOLERANCE_DAYS = 1;
    public static final int DEFAULT_LATE_CHARGE_STATEMENT_DAYS = 7;
    public static final InvoicingPolicy DEFAULT = new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90,
            DEFAULT_ISSUE_DATE_TOLERANCE_DAYS, UnknownBuyers.ACCEPT, DEFAULT_LATE_CHARGE_STATEMENT_DAYS, true,
            BeyondAgreedTerms.FLAG);

    /** What an invoice due later than the buyer's agreed terms allow gets. */
    public enum BeyondAgreedTerms {
        FLAG, REFUSE
    }

    /** What an invoice to a buyer that credit-service has not registered gets. */
    public enum UnknownBuyers {
        ACCEPT, REFUSE
    }

    public InvoicingPolicy {
        if (issueDeadlineHours < 0) {
            throw new IllegalArgumentException("issueDeadlineHours must not be negative");
        }
        if (dsoPeriodDays < 1) {
            throw new IllegalArgumentException("dsoPeriodDays must be at least 1");
        }
        if (issueDateToleranceDays < 0) {
            throw new IllegalArgumentException("issueDateToleranceDays must not be negative");
        }
        if (unknownBuyers == null) {
            throw new IllegalArgumentException("unknownBuyers is required");
        }
        if (lateChargeStatementDays < 1) {
            throw new IllegalArgumentException("lateChargeStatementDays must be at least 1");
        }
        if (beyondAgreedTerms == null) {
            throw new IllegalArgumentException("beyondAgreedTerms is required");
        }
    }

    /** The terms, flagging invoices beyond the agreed terms (the default). */
    public InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays,
            int issueDateToleranceDays, UnknownBuyers unknownBuyers, int lateChargeStatementDays, boolean askForReceipt) {
        this(issueDeadlineHours, lateCharges, dsoPeriodDays, issueDateToleranceDays, unknownBuyers,
                lateChargeStatementDays, askForReceipt, BeyondAgreedTerms.FLAG);
    }

    /** The terms, asking buyers to confirm receipt (the default). */
    public InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays,
            int issueDateToleranceDays, UnknownBuyers unknownBuyers, int lateChargeStatementDays) {
        this(issueDeadlineHours, lateCharges, dsoPeriodDays, issueDateToleranceDays, unknownBuyers,
                lateChargeStatementDays, true);
    }

    /** The terms with the default interval between late-charge statements. */
    public InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays,
            int issueDateToleranceDays, UnknownBuyers unknownBuyers) {
        this(issueDeadlineHours, lateCharges, dsoPeriodDays, issueDateToleranceDays, unknownBuyers,
                DEFAULT_LATE_CHARGE_STATEMENT_DAYS);
    }

    /** The terms with the defaults for the issue-date tolerance, unknown buyers and late-charge statements. */
    public InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays) {
        this(issueDeadlineHours, lateCharges, dsoPeriodDays, DEFAULT_ISSUE_DATE_TOLERANCE_DAYS, UnknownBuyers.ACCEPT);
    }

    /** The latest issue date an invoice submitted {@code today} may carry. */
    public LocalDate latestIssueDate(LocalDate today) {
        return today.plusDays(issueDateToleranceDays);
    }
}
