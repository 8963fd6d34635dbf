package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.collections.domain.PromiseToPay;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.money.Money;

/**
 * What a collector's work on a case tells the platform, on {@code collection-cases} keyed by case
 * id: promises made, kept and broken (credit-service reads a broken one as a payment-behaviour
 * signal), abandonment proposed and confirmed (a write-off request for invoice-service).
 */
public final class CollectorEvents {
    private CollectorEvents() {
    }

    public record PromiseMade(UUID caseId, UUID buyerId, UUID promiseId, Money amount, LocalDate madeOn,
            LocalDate promisedDate, LocalDate deadline, String madeBy) {
    }

    public record PromiseKept(UUID caseId, UUID buyerId, UUID promiseId, Money amount, Money paid, LocalDate promisedDate,
            LocalDate judgedOn) {
    }

    public record PromiseBroken(UUID caseId, UUID buyerId, UUID promiseId, Money amount, Money paid, Money shortfall,
            LocalDate madeOn, LocalDate promisedDate, LocalDate deadline, LocalDate judgedOn) {
    }

    /** One currency's debt and what collecting it was expected to cost. */
    public record Judged(Money overdue, Money expectedCost) {
    }

    /** {@code reason}: why, when not the tenant's cost rule (an agency's settlement); null for the rule's. */
    public record AbandonmentProposed(UUID caseId, UUID buyerId, List<Judged> amounts, String proposedBy,
            LocalDate proposedOn, String reason) {
    }

    /** An invoice to write off, with the amount still collectible on it. */
    public record WriteOff(UUID invoiceId, String invoiceNumber, Money amount) {
    }

    public record AbandonmentConfirmed(UUID caseId, UUID buyerId, List<Judged> amounts, List<WriteOff> invoices,
            String proposedBy, String confirmedBy, LocalDate confirmedOn) {
    }

    public static OutgoingEvent promiseMade(String tenantId, UUID caseId, PromiseToPay p, String by) {
        return CaseEvents.event("promise-made", tenantId, caseId, new PromiseMade(caseId, p.buyerId(), p.id(),
                p.amount(), p.madeOn(), p.promisedDate(), p.deadline(), by));
    }

    public static OutgoingEvent promiseKept(String tenantId, UUID caseId, PromiseToPay p, PromiseToPay.Verdict v,
            LocalDate on) {
        return CaseEvents.event("promise-kept", tenantId, caseId,
                new PromiseKept(caseId, p.buyerId(), p.id(), p.amount(), v.paid(), p.promisedDate(), on));
    }

    public static OutgoingEvent promiseBroken(String tenantId, UUID caseId, PromiseToPay p, PromiseToPay.Verdict v,
            LocalDate on) {
        return CaseEvents.event("promise-broken", tenantId, caseId, new PromiseBroken(caseId, p.buyerId(), p.id(),
                p.amount(), v.paid(), v.shortfall(), p.madeOn(), p.promisedDate(), p.deadline(), on));
    }

    public static OutgoingEvent abandonmentProposed(String tenantId, UUID caseId, UUID buyerId, List<Judged> amounts,
            String by, LocalDate on, String reason) {
        return CaseEvents.event("abandonment-proposed", tenantId, caseId,
                new AbandonmentProposed(caseId, buyerId, amounts, by, on, reason));
    }

    public static OutgoingEvent abandonmentConfirmed(String tenantId, AbandonmentConfirmed confirmed) {
        return CaseEvents.event("abandonment-confirmed", tenantId, confirmed.caseId(), confirmed);
    }
}
