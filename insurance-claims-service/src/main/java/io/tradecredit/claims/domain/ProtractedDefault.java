package io.tradecredit.claims.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A protracted default (DOMAIN §4: a claim "after the waiting period"): an insured invoice an overdue
 * notification named is in protracted default when it is still unpaid on the day the policy's
 * waiting period has run from the notification's day (the trigger day). From that day a draft claim asks for
 * each such invoice's unpaid amount (delivered under cover, InsuredExposure#claimable; the limit caps the loss in
 * Indemnity), unless the buyer already has an open claim under the policy (the
 * insurer handles one claim of a buyer at a time) or another claim holds the invoice, open or paid (never claimed twice).
 */
public record ProtractedDefault(LocalDate triggerDay, List<ClaimedInvoice> invoices) {

    public ProtractedDefault {
        invoices = List.copyOf(invoices);
    }

    /**
     * What the tenant's claims already hold: whether the buyer has an open one under the policy (ClaimState#isOpen), and
     * the invoices of the claims holding theirs, open or paid by the insurer (ClaimState#holdsItsInvoices).
     */
    public record Held(boolean openClaimOfBuyer, Set<UUID> invoiceIds, Set<String> invoiceNumbers) {
        public static final Held NOTHING = new Held(false, Set.of(), Set.of());

        public Held {
            invoiceIds = Set.copyOf(invoiceIds);
            invoiceNumbers = Set.copyOf(invoiceNumbers);
        }

        /** Whether it holds {@code i}, by id, or by number (a claim by hand may name an invoice by number only). */
        boolean holds(ClaimedInvoice i) {
            return i.invoiceId() != null && invoiceIds.contains(i.invoiceId()) || invoiceNumbers.contains(i.invoiceNumber());
        }
    }

    /** The day the waiting period has run: {@code waitingPeriodDays} after the notification's day. */
    public static LocalDate triggerDay(LocalDate notifiedOn, int waitingPeriodDays) {
        return notifiedOn.plusDays(waitingPeriodDays);
    }

    /** Whether the waiting period of a notification of {@code notifiedOn} has run on {@code asOf}. */
    public static boolean waitingOver(LocalDate notifiedOn, int waitingPeriodDays, LocalDate asOf) {
        return !asOf.isBefore(triggerDay(notifiedOn, waitingPeriodDays));
    }

    /**
     * The claim to open on {@code asOf} for the notification {@code n}, given the buyer's unpaid invoices delivered
     * under cover on the day ({@code insuredUnpaid}: InsuredExposure#claimable) and what open
     * claims hold: empty while waiting, when nothing the notification named is still insured and unpaid, or when
     * an open claim stands in the way.
     */
    public static Optional<ProtractedDefault> on(LocalDate asOf, OverdueNotification n, int waitingPeriodDays,
            List<ClaimedInvoice> insuredUnpaid, Held held) {
        if (!waitingOver(n.notifiedOn(), waitingPeriodDays, asOf) || held.openClaimOfBuyer()) {
            return Optional.empty();
        }
        Set<UUID> named = n.invoices().stream().map(OverdueNotification.Invoice::invoiceId).collect(Collectors.toSet());
        List<ClaimedInvoice> defaulted = insuredUnpaid.stream().filter(i -> named.contains(i.invoiceId()))
                .filter(i -> !held.holds(i)).toList();
        return defaulted.isEmpty() ? Optional.empty()
                : Optional.of(new ProtractedDefault(triggerDay(n.notifiedOn(), waitingPeriodDays), defaulted));
    }

    /**
     * The signal under which the claim is taken once (claim_signal): the same for the policy, buyer and trigger
     * day, so two notifications of one day, a second run or a second replica open one claim.
     */
    public UUID signalId(UUID policyId, UUID buyerId) {
        return UUID.nameUUIDFromBytes(("protracted-default:" + policyId + ":" + buyerId + ":" + triggerDay)
                .getBytes(StandardCharsets.UTF_8));
    }
}
