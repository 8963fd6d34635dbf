package io.tradecredit.invoice.domain;

/**
 * A tenant's invoicing and late-charge terms (docs/domain.md §2); every number is a default the
 * tenant can change. Late charges may be overridden per buyer.
 */
public record InvoicingPolicy(int issueDeadlineHours, LateChargePolicy lateCharges, int dsoPeriodDays) {
    public static final InvoicingPolicy DEFAULT = new InvoicingPolicy(48, LateChargePolicy.DEFAULT, 90);

    public InvoicingPolicy {
        if (issueDeadlineHours < 0) {
            throw new IllegalArgumentException("issueDeadlineHours must not be negative");
        }
        if (dsoPeriodDays < 1) {
            throw new IllegalArgumentException("dsoPeriodDays must be at least 1");
        }
    }
}
