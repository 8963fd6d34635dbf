package io.tradecredit.claims.domain;

import java.util.List;
import java.util.UUID;

/**
 * The claim on a buyer's insolvency (docs/domain.md §4: claim at once) beside the claims already open for the
 * buyer. The service's own drafts under the policy (opened by itself on the ladder's trigger or a protracted
 * default, not yet filed) are replaced: the insolvency claim asks for their invoices with the cause the insurer
 * wants, and they are withdrawn with the reason. An invoice any other claim holds (one filed or paid, or a draft
 * opened by hand) is never claimed twice.
 */
public final class InsolvencyClaim {
    private InsolvencyClaim() {
    }

    /** Whether the insolvency claim replaces {@code c}: a draft the service opened by itself ({@code service}). */
    public static boolean replaces(Claim c, String service) {
        return c.state() == ClaimState.DRAFT && service.equals(c.openedBy());
    }

    /**
     * The buyer's unpaid invoices delivered under cover ({@link InsuredExposure#claimable}) that no claim staying
     * open holds, oldest first.
     */
    public static List<ClaimedInvoice> invoices(InsuredExposure x, ProtractedDefault.Held heldByOthers) {
        return x.claimable().stream().filter(i -> !heldByOthers.holds(i)).toList();
    }

    /** Why a replaced draft is withdrawn. */
    public static String withdrawalNote(UUID signalId) {
        return "replaced by the claim on the buyer's insolvency (signal " + signalId + ")";
    }
}
