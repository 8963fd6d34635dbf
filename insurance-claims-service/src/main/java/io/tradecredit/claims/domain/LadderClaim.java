package io.tradecredit.claims.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dunning ladder's claim trigger (DOMAIN §3's +90 "insurer claim if insured"): collections-service's run
 * took a {@code CLAIM_TRIGGER} action for a buyer, and whether anything is insured is this service's to judge.
 * Under a policy, the claim asks for each of the buyer's unpaid invoices delivered under cover and overdue on the
 * run date (due before it), oldest first, whole ({@link InsuredExposure#claimable}: the limit caps the loss in
 * {@link Indemnity}); nothing when none is, when the buyer already has an open claim under the
 * policy (the insurer handles one claim of a buyer at a time) or for an invoice another claim holds, open or paid (never
 * claimed twice), as {@link ProtractedDefault} does. The claim is a draft: the tenant submits it when the
 * policy allows (its waiting period may still be running).
 */
public final class LadderClaim {
    private LadderClaim() {
    }

    /** The invoices the claim asks for on {@code runDate} under the exposure {@code x}, or empty: no claim. */
    public static Optional<List<ClaimedInvoice>> on(LocalDate runDate, InsuredExposure x, ProtractedDefault.Held held) {
        if (held.openClaimOfBuyer()) {
            return Optional.empty();
        }
        List<ClaimedInvoice> overdue = x.lines().stream()
                .filter(l -> l.issuedUnderCover() && l.invoice().dueDate().isBefore(runDate))
                .map(l -> new ClaimedInvoice(l.invoice().invoiceNumber(), l.invoice().invoiceId(), l.invoice().openAmount()))
                .filter(i -> !held.holds(i)).toList();
        return overdue.isEmpty() ? Optional.empty() : Optional.of(overdue);
    }

    /**
     * The signal under which the claim is taken once (claim_signal): the same for the policy, buyer and run date,
     * so the step's event delivered twice, or the run repeated for the date, opens one claim.
     */
    public static UUID signalId(UUID policyId, UUID buyerId, LocalDate runDate) {
        return UUID.nameUUIDFromBytes(("dunning-ladder:" + policyId + ":" + buyerId + ":" + runDate)
                .getBytes(StandardCharsets.UTF_8));
    }
}
