package io.tradecredit.collections.domain;

/**
 * A tenant's run settings: how its run counts and judges steps ({@link DunningRunPolicy}), whether
 * the run only drafts messages for a collector to approve (approval mode, off unless the tenant
 * turns it on), and the payment deadline its messages state. {@link #DEFAULT} is the one place the
 * approval default lives.
 */
public record RunSettings(DunningRunPolicy run, boolean approvalMode, PaymentDeadline paymentDeadline) {
    /** {@link DunningRunPolicy#DEFAULT}, approval mode off, {@link PaymentDeadline#DEFAULT}: the run sends what is due. */
    public static final RunSettings DEFAULT = new RunSettings(DunningRunPolicy.DEFAULT, false, PaymentDeadline.DEFAULT);
}
