package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * Whether an invoice an approval-mode draft lists is still to be dunned on the day a collector
 * approves it (docs/domain.md §3 "Not dunned"): the draft was written on the run's date, and since
 * then the invoice may have been paid, disputed, put under a payment plan, settled by the buyer's agency (what the
 * settlement left is for a collector to write off: "settled by agency &lt;code&gt;") ({@link InvoiceNow}), or
 * the invoice or its whole buyer put on hold (a promise to pay, a dispute, a claim, a pause); or the buyer entered
 * insolvency proceedings, and nothing is sent at all. The approved letter asks only for what the run would ask for that
 * day.
 */
public final class DraftApproval {

    private DraftApproval() {
    }

    /**
     * Why no draft to {@code buyer}, as it stands on the day approved, is sent whatever its invoices owe (null: judge
     * them): in insolvency proceedings since the run, it gets no dunning message (docs/collections-service.md,
     * "Insolvency"), so the draft is discarded as the run would have skipped it ({@link SkipReason#BUYER_INSOLVENT}).
     */
    public static String buyerNotDunnedBecause(BuyerStanding buyer) {
        return buyer.insolvent() ? WithdrawalRule.INSOLVENCY : null;
    }

    /**
     * Why {@code invoice} of {@code buyerId} is no longer dunned on {@code day}, in a letter's words
     * ("paid", "on hold (promise to pay)"); null when the draft may still ask for it.
     *
     * @param now the invoice as the read model shows it; null when the read model does not know it
     * @param aboutInstalment whether the draft asks for an instalment of the invoice's plan, not the whole invoice
     */
    public static String notDunnedBecause(UUID buyerId, UUID invoiceId, InvoiceNow now, boolean aboutInstalment,
            Holds holds, LocalDate day) {
        if (now == null) {
            return "not in the ledger";
        }
        String cleared = now.nothingCollectibleBecause(aboutInstalment);
        if (cleared != null) {
            return cleared;
        }
        List<Hold> holding = holds.onInvoice(buyerId, invoiceId, day);
        return holding.isEmpty() ? null
                : "on hold (" + holding.get(0).reason().name().toLowerCase().replace('_', ' ') + ")";
    }

    /**
     * Why the draft's {@code step} no longer asks for an invoice owing {@code collectible} today, of a buyer owing
     * {@code buyerOverdue} overdue in its currency, by the run's thresholds ({@link StepDecision#belowThreshold}): a
     * payment since the run left less than the step's minimum, or the buyer under the tenant's tolerance; null when
     * it still does.
     */
    public static String belowThresholdBecause(DunningStep step, Money collectible, Money buyerOverdue,
            CurrencyThresholds tolerance) {
        return StepDecision.belowThreshold(step, collectible, buyerOverdue, tolerance)
                .map(r -> r == SkipReason.BELOW_MINIMUM ? "under the step's minimum amount"
                        : "the buyer's overdue balance under the tenant's tolerance")
                .orElse(null);
    }

    /**
     * Why the draft's {@code step} no longer asks for instalment {@code number} of a payment plan, judged as the run
     * judges it on the day approved (docs/collections-service.md, "Payment plans"): {@code now} is the instalment as
     * {@link PaymentPlanItems} makes it today, owing its principal less the plan's payments (null: its plan is no
     * longer agreed, broken or completed since the run, so it is no longer an item: a broken plan's invoices are due
     * on a ladder of their own). Paid off: "instalment 2 paid"; what it owes under the step's minimum amount, or the
     * buyer's overdue balance ({@code buyerOverdue}, in its currency, as the run counts it: instalments in their
     * plan's place) under the tolerance, as for an invoice ({@link #belowThresholdBecause}); null when it still asks.
     * {@code step} null: the buyer's ladder no longer has the step, nothing to compare.
     */
    public static String instalmentBecause(int number, DunningItem now, DunningStep step, Money buyerOverdue,
            CurrencyThresholds tolerance) {
        if (now == null) {
            return "instalment " + number + ": its payment plan ended";
        }
        if (!now.collectible().isPositive()) {
            return "instalment " + number + " paid";
        }
        String below = step == null ? null : belowThresholdBecause(step, now.collectible(), buyerOverdue, tolerance);
        return below == null ? null : "instalment " + number + " " + below;
    }

    /** The reason a draft left with no invoice is discarded: "since the run: INV-1 paid, INV-2 on hold (manual)". */
    public static String discardReason(List<String> why) {
        return "nothing left to ask for since the run: " + String.join(", ", why);
    }
}
