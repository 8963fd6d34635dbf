package io.tradecredit.claims.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimState;
import io.tradecredit.claims.domain.ClaimTrigger;
import io.tradecredit.claims.domain.ClaimedInvoice;
import io.tradecredit.claims.domain.Indemnity;
import io.tradecredit.claims.domain.InsuredLimit;
import io.tradecredit.claims.domain.LedgerNews;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.OverdueNotification;
import io.tradecredit.claims.domain.PolicyTerms;
import io.tradecredit.claims.domain.RecoveryShare;
import io.tradecredit.claims.domain.StopDeliveries;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.money.Money;

/**
 * What insurance-claims-service tells the platform, on {@code claim-events}. Schemas:
 * {@code contracts/schemas/io.tradecredit.claims.<name>.v1.json}. A limit's events are keyed by buyer
 * id (credit-service reads one buyer's in order), a claim's by claim id.
 */
public final class ClaimEvents {
    public static final String PREFIX = "io.tradecredit.claims.";

    private ClaimEvents() {
    }

    /**
     * An insurer's decision on a buyer's insured limit was recorded; {@code insuredLimit} is the limit in
     * force on {@code recordedOn} after it (zero: not insured), the decision's own dates say when it applies.
     */
    public record InsuredLimitChanged(UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String decisionId, LimitDecision.Outcome outcome, Money decidedAmount, LocalDate effectiveFrom,
            LocalDate expiresOn, LimitDecision.Source source, LocalDate recordedOn, Money insuredLimit) {
    }

    /**
     * A buyer's effective insured-limit schedule ({@code domain.LimitSchedule}), whole: it replaces the
     * buyer's earlier one; {@code cause} DECISION or REPUBLISHED.
     */
    public record InsuredLimitScheduleChanged(UUID buyerId, List<InsuredLimitSchedule.Period> periods,
            OffsetDateTime computedAt, String cause) {
    }

    public record ClaimOpened(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, Claim.Cause cause, List<ClaimedInvoice> invoices, Money unpaidAmount, LocalDate openedOn,
            String openedBy, ClaimTrigger trigger, UUID signalId, Claim.Part part) {
    }

    public record ClaimSubmitted(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, Money unpaidAmount, LocalDate submittedOn, String submittedBy) {
    }

    /**
     * The indemnity as computed at approval (docs/domain.md §4); insuredPercent as text, e.g. "90"; cappedLoss what the
     * limits in force when the invoices were delivered cover of the unpaid amount (after a reduction, above insuredLimit).
     */
    public record ClaimApproved(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, Money unpaidAmount, Money insuredLimit, Money cappedLoss, Money deductible, Money insuredLoss,
            String insuredPercent, Money indemnity, Money tenantBears, LocalDate approvedOn, String approvedBy) {
    }

    public record ClaimRejected(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, String reason, LocalDate rejectedOn, String rejectedBy) {
    }

    /**
     * A draft the tenant did not file, or a claim not yet approved that the buyer paid in full ({@code settledByBuyer}):
     * nothing is claimed of the insurer; collections ends its holds.
     */
    public record ClaimWithdrawn(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, String reason, LocalDate withdrawnOn, String withdrawnBy, boolean settledByBuyer) {
    }

    /**
     * Before approval, the ledger changed what is unpaid of a claimed invoice (a payment, a credit note, a payment
     * reversed: {@code ledgerEvent}, {@code ledgerEventId}): the invoice's unpaid amount before and after, never above
     * {@code claimedAmount} (at opening), and the claim's {@code unpaidAmount} after.
     */
    public record ClaimAmended(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, String invoiceNumber, UUID invoiceId, Money claimedAmount, Money unpaidBefore,
            Money unpaidAfter, Money unpaidAmount, String ledgerEvent, String ledgerEventId, LocalDate amendedOn,
            String amendedBy) {
    }

    /** A payment of the insurer; invoice-service posts it against the invoices, and writes off the rest when fully paid. */
    public record IndemnityPaid(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, List<ClaimedInvoice> invoices, Money amount, Money indemnityPaid, Money indemnity,
            boolean fullyPaid, LocalDate paidOn, String recordedBy) {
    }

    /** A recovery after indemnity and its split; toInsurer is what the tenant owes the insurer. */
    public record RecoveryShared(UUID claimId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            String buyerName, Money amount, Money toInsurer, Money toTenant, Money recoveredTotal, Money toInsurerTotal,
            LocalDate receivedOn, String recordedBy) {
    }

    /**
     * A claim opened by {@code trigger}; {@code signalId} names the signal that opened it (null by hand); {@code part}
     * says which part of a split loss it is (null for a claim of its own).
     */
    public static OutgoingEvent opened(String tenantId, Claim c, PolicyTerms p, ClaimTrigger trigger, UUID signalId) {
        return claim("claim-opened", tenantId, c, new ClaimOpened(c.id(), c.policyId(), p.policyNumber(), p.insurer(),
                c.buyerId(), c.buyerName(), c.cause(), c.invoices(), c.unpaid(), c.openedOn(), c.openedBy(), trigger,
                signalId, c.part()));
    }

    public static OutgoingEvent submitted(String tenantId, Claim c, PolicyTerms p, LocalDate on, String by) {
        return claim("claim-submitted", tenantId, c, new ClaimSubmitted(c.id(), c.policyId(), p.policyNumber(),
                p.insurer(), c.buyerId(), c.buyerName(), c.unpaid(), on, by));
    }

    public static OutgoingEvent approved(String tenantId, Claim c, PolicyTerms p, String by) {
        Indemnity i = c.indemnity();
        return claim("claim-approved", tenantId, c, new ClaimApproved(c.id(), c.policyId(), p.policyNumber(), p.insurer(),
                c.buyerId(), c.buyerName(), i.unpaid(), i.insuredLimit(), i.cappedLoss(), i.deductible(), i.insuredLoss(),
                i.insuredPercent().toPlainString(), i.indemnity(), i.tenantBears(), c.approvedOn(), by));
    }

    public static OutgoingEvent rejected(String tenantId, Claim c, PolicyTerms p, String reason, LocalDate on, String by) {
        return claim("claim-rejected", tenantId, c, new ClaimRejected(c.id(), c.policyId(), p.policyNumber(), p.insurer(),
                c.buyerId(), c.buyerName(), reason, on, by));
    }

    public static OutgoingEvent withdrawn(String tenantId, Claim c, PolicyTerms p, String reason, LocalDate on, String by) {
        return claim("claim-withdrawn", tenantId, c, new ClaimWithdrawn(c.id(), c.policyId(), p.policyNumber(),
                p.insurer(), c.buyerId(), c.buyerName(), reason, on, by, false));
    }

    /** A claim not yet approved ended because the buyer paid every claimed invoice (Claim#settledByTheBuyer). */
    public static OutgoingEvent settledByTheBuyer(String tenantId, Claim c, PolicyTerms p, String reason, LocalDate on,
            String by) {
        return claim("claim-withdrawn", tenantId, c, new ClaimWithdrawn(c.id(), c.policyId(), p.policyNumber(),
                p.insurer(), c.buyerId(), c.buyerName(), reason, on, by, true));
    }

    /** The ledger's news changed a claimed invoice's unpaid amount before approval ({@code e}: Claim#ledgerSays). */
    public static OutgoingEvent amended(String tenantId, Claim c, PolicyTerms p, Claim.LedgerEffect e, Money claimed,
            LedgerNews news, LocalDate on, String by) {
        return claim("claim-amended", tenantId, c, new ClaimAmended(c.id(), c.policyId(), p.policyNumber(), p.insurer(),
                c.buyerId(), c.buyerName(), e.after().invoiceNumber(), e.after().invoiceId(), claimed,
                e.before().unpaidAmount(), e.after().unpaidAmount(), c.unpaid(), news.what(), news.eventId(), on, by));
    }

    public static OutgoingEvent indemnityPaid(String tenantId, Claim c, PolicyTerms p, Money amount, LocalDate on,
            String by) {
        return claim("indemnity-paid", tenantId, c, new IndemnityPaid(c.id(), c.policyId(), p.policyNumber(), p.insurer(),
                c.buyerId(), c.buyerName(), c.invoices(), amount, c.indemnityPaid(), c.indemnity().indemnity(),
                c.state() == ClaimState.PAID, on, by));
    }

    public static OutgoingEvent recoveryShared(String tenantId, Claim c, PolicyTerms p, RecoveryShare s, LocalDate on,
            String by) {
        return claim("recovery-shared", tenantId, c, new RecoveryShared(c.id(), c.policyId(), p.policyNumber(),
                p.insurer(), c.buyerId(), c.buyerName(), s.recovery(), s.toInsurer(), s.toTenant(), s.recoveredTotal(),
                s.toInsurerTotal(), on, by));
    }

    private static OutgoingEvent claim(String name, String tenantId, Claim c, Object payload) {
        return event(name, "claim", tenantId, c.id(), payload);
    }

    /** The outgoing event for {@code payload} of type {@code io.tradecredit.claims.<name>.v1}, keyed by {@code key}. */
    public static OutgoingEvent event(String name, String aggregateType, String tenantId, UUID key, Object payload) {
        return new OutgoingEvent(TopicNames.CLAIM_EVENTS, PREFIX + name + ".v1", aggregateType, key.toString(), tenantId,
                payload);
    }

    public static OutgoingEvent insuredLimitChanged(String tenantId, UUID policyId, PolicyTerms terms, LimitDecision d,
            LocalDate recordedOn, InsuredLimit now) {
        return event("insured-limit-changed", "insured-limit", tenantId, d.buyerId(), new InsuredLimitChanged(policyId,
                terms.policyNumber(), terms.insurer(), d.buyerId(), d.decisionId(), d.outcome(), d.amount(),
                d.effectiveFrom(), d.expiresOn(), d.source(), recordedOn, now.amount()));
    }

    public static OutgoingEvent insuredLimitScheduleChanged(String tenantId, UUID buyerId, InsuredLimitSchedule s,
            OffsetDateTime computedAt, String cause) {
        return event("insured-limit-schedule-changed", "insured-limit", tenantId, buyerId, new InsuredLimitScheduleChanged(
                buyerId, s.periods(), computedAt, cause));
    }

    /** The tenant notified the insurer of the buyer's overdue account: the insured overdue invoices, who and when. */
    public record OverdueNotified(UUID notificationId, UUID policyId, String policyNumber, String insurer, UUID buyerId,
            List<OverdueNotification.Invoice> invoices, Money insuredOverdue, LocalDate notifiedOn, String notifiedBy) {
    }

    /**
     * From {@code from} on, new deliveries to the buyer are not insured under the policy (credit-service says so).
     * {@code cause} NOTIFIED: the overdue notification {@code notificationId} started it; DEADLINE_MISSED: the tenant did
     * not notify in time and the stop-deliveries deadline {@code notificationId} (its id) passed unmet.
     */
    public record StopDeliveriesStarted(UUID policyId, String policyNumber, String insurer, UUID buyerId, LocalDate from,
            UUID notificationId, String cause) {
    }

    public static OutgoingEvent overdueNotified(String tenantId, OverdueNotification n, PolicyTerms p) {
        return event("overdue-notified", "overdue-notification", tenantId, n.buyerId(), new OverdueNotified(n.id(),
                n.policyId(), p.policyNumber(), p.insurer(), n.buyerId(), n.invoices(), n.insuredOverdue(), n.notifiedOn(),
                n.by()));
    }

    public static OutgoingEvent stopDeliveriesStarted(String tenantId, OverdueNotification n, PolicyTerms p) {
        return event("stop-deliveries-started", "overdue-notification", tenantId, n.buyerId(), new StopDeliveriesStarted(
                n.policyId(), p.policyNumber(), p.insurer(), n.buyerId(), n.stopDeliveriesFrom(), n.id(), "NOTIFIED"));
    }

    /**
     * The claim {@code c} for the buyer's insolvency told the insurer of it: from the claim's day new deliveries are
     * not insured under the policy ({@code cause} INSOLVENCY; the claim's id stands in the required {@code notificationId}).
     */
    public static OutgoingEvent stopDeliveriesOnInsolvency(String tenantId, Claim c, PolicyTerms p) {
        return event("stop-deliveries-started", "claim", tenantId, c.buyerId(), new StopDeliveriesStarted(c.policyId(),
                p.policyNumber(), p.insurer(), c.buyerId(), c.openedOn(), c.id(), StopDeliveries.Cause.INSOLVENCY.name()));
    }

    /**
     * A stop-deliveries of the buyer under the policy that this service announced and no longer stands by is withdrawn:
     * the stop it stands by now is {@code from} (the first notification's day, or the first stop-deliveries deadline
     * missed; {@code notificationId} and {@code cause} as {@code stop-deliveries-started} named them), or none when all
     * three are null. A consumer replaces whatever stop it keeps for the policy and buyer with it (an earlier day it holds
     * does not stand). {@code reason} DEADLINES_CORRECTED: V18 moved the deadlines to the MEP's end and reopened misses.
     */
    public record StopDeliveriesWithdrawn(UUID policyId, String policyNumber, String insurer, UUID buyerId, LocalDate from,
            UUID notificationId, String cause, String reason, OffsetDateTime withdrawnAt) {
    }

    public static OutgoingEvent stopDeliveriesWithdrawn(String tenantId, UUID policyId, UUID buyerId, PolicyTerms p,
            Optional<StopDeliveries.Start> standing, String reason, OffsetDateTime at) {
        return event("stop-deliveries-withdrawn", "insured-deadline", tenantId, buyerId, new StopDeliveriesWithdrawn(
                policyId, p.policyNumber(), p.insurer(), buyerId, standing.map(StopDeliveries.Start::from).orElse(null),
                standing.map(StopDeliveries.Start::startedBy).orElse(null),
                standing.map(s -> s.cause().name()).orElse(null), reason, at));
    }

    /**
     * The buyer's stop-deliveries deadline {@code deadlineId} of {@code from} passed without an overdue notification:
     * deliveries from that day are uninsured as after a notification (domain.StopDeliveries). The deadline's id stands
     * in the required {@code notificationId} (credit-service keeps it as the stop's reference).
     */
    public static OutgoingEvent stopDeliveriesMissed(String tenantId, UUID policyId, UUID buyerId, LocalDate from,
            UUID deadlineId, PolicyTerms p) {
        return event("stop-deliveries-started", "insured-deadline", tenantId, buyerId, new StopDeliveriesStarted(policyId,
                p.policyNumber(), p.insurer(), buyerId, from, deadlineId, "DEADLINE_MISSED"));
    }
}
