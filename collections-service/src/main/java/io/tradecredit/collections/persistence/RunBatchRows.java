package io.tradecredit.collections.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.collections.domain.Hold;
import io.tradecredit.collections.domain.LetterFacts;

/**
 * What the daily run loads for one batch of buyers, with a few statements for the whole batch
 * (never one per buyer): their open invoices, holds, the steps already taken for them, the requests
 * sent them (what a letter quotes), and their insured-limit schedules (whether a segment rule sees them insured).
 */
public record RunBatchRows(List<BuyerKey> buyers, List<InvoiceRow> invoices, List<TenantHold> holds,
        List<TakenRow> taken, List<SentRow> sent, List<InsuredLimitStore.BuyerSchedule> insurance) {

    /** A batch whose buyers have no insured-limit schedule. */
    public RunBatchRows(List<BuyerKey> buyers, List<InvoiceRow> invoices, List<TenantHold> holds, List<TakenRow> taken,
            List<SentRow> sent) {
        this(buyers, invoices, holds, taken, sent, List.of());
    }

    /** A buyer of a tenant: the unit the run pages by. */
    public record BuyerKey(String tenantId, UUID buyerId) {
    }

    /**
     * An open invoice of the read model, with its plan's state and the buyer's grade, and what a
     * letter prints of it ({@code letter}, as {@code LetterFactsRepository} reads it for one buyer);
     * {@code plan} is the plan covering it (null: none); {@code settledByAgency}: it was in a case its agency closed
     * as settled ({@code agency_settled_invoice}), so it is not dunned; {@code buyerInsolvent}: its buyer is in insolvency
     * proceedings (blocked for an insolvency filing, or an insolvency claim open), so it gets no message.
     */
    public record InvoiceRow(String tenantId, UUID buyerId, UUID invoiceId, String currency, BigDecimal open,
            BigDecimal disputed, LocalDate dueDate, String planState, Integer grade, LetterFactsRepository.Row letter,
            PlanRow plan, BigDecimal releasedBesidePlan, boolean settledByAgency, boolean buyerInsolvent) {
    }

    /**
     * A payment plan: what it spread ({@code principal}), the day it ended, broken or completed (null: agreed), and, while
     * agreed, its instalments in order.
     */
    public record PlanRow(UUID planId, BigDecimal principal, LocalDate endedOn, List<InstalmentRow> instalments) {
    }

    /** An instalment: date, the schedule's amount, its principal, whether found missed. */
    public record InstalmentRow(int number, LocalDate dueDate, BigDecimal amount, BigDecimal principal, boolean missed) {
    }

    public record TenantHold(String tenantId, Hold hold) {
    }

    /** A step taken (or superseded) for an item on an earlier run (drafted in approval mode, whatever became of it). */
    public record TakenRow(String tenantId, UUID buyerId, String itemRef, String stepKey, LocalDate runDate) {
    }

    /** A request to notification-service for the buyer (dunning_request), in the order requested. */
    public record SentRow(String tenantId, UUID buyerId, LetterFacts.SentRequest request) {
    }
}
