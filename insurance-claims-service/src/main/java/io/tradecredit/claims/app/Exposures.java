package io.tradecredit.claims.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.InsuredExposure;
import io.tradecredit.claims.domain.LimitDecision;
import io.tradecredit.claims.domain.OpenInvoice;
import io.tradecredit.claims.domain.StopDeliveries;
import io.tradecredit.claims.persistence.ClaimRepository;
import io.tradecredit.claims.persistence.DeadlineRepository;
import io.tradecredit.claims.persistence.InsuredLimitRepository;
import io.tradecredit.claims.persistence.OpenInvoiceRepository;
import io.tradecredit.claims.persistence.OverdueNotificationRepository;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * The read model of the ledger (open invoices per buyer, from {@code invoice-events}) and the
 * insured and uninsured parts of a buyer's exposure under a policy ({@link InsuredExposure}).
 */
@ApplicationScoped
public class Exposures {
    @Inject
    OpenInvoiceRepository invoices;

    @Inject
    InsuredLimitRepository limits;

    @Inject
    OverdueNotificationRepository notifications;

    @Inject
    DeadlineRepository deadlines;

    @Inject
    ClaimRepository claims;

    @Inject
    Policies policies;

    @Inject
    Buyers tenancy;

    @Inject
    BusinessTimeZone businessZone;

    /** The buyer's invoices in the read model, paid ones too (a claim's invoices' issue days). */
    public Uni<List<OpenInvoice>> invoicesOf(String tenantId, UUID buyerId) {
        return invoices.ofBuyer(tenantId, buyerId);
    }

    /**
     * The buyer's invoices in the read model and any other invoice of the tenant among {@code ids} or {@code numbers}
     * (a claim's lines).
     */
    public Uni<List<OpenInvoice>> invoicesOf(String tenantId, UUID buyerId, List<UUID> ids, List<String> numbers) {
        return invoices.ofBuyerOrAmong(tenantId, buyerId, ids, numbers);
    }

    /** An invoice was issued. Runs in the consumer's transaction (the inbox's). */
    public Uni<Void> issued(String tenantId, OpenInvoice invoice, String buyerName) {
        return invoices.issued(tenantId, invoice, buyerName);
    }

    /**
     * A payment plan was agreed for the invoices: its last instalment date is kept on them; the insurer's deadlines
     * count from the end of the MEP whatever the plan ({@code InvoiceDeadlines}).
     */
    public Uni<Void> planAgreed(String tenantId, List<UUID> invoiceIds, LocalDate lastInstalment) {
        return invoiceIds.isEmpty() ? Uni.createFrom().voidItem()
                : invoices.planAgreed(tenantId, invoiceIds, lastInstalment);
    }

    /**
     * A plan ended on {@code endedOn}, broken or completed: its invoices' last instalment date is cut to that day (the
     * insurer's deadlines do not depend on it).
     */
    public Uni<Void> planEnded(String tenantId, List<UUID> invoiceIds, LocalDate endedOn) {
        return invoiceIds.isEmpty() ? Uni.createFrom().voidItem() : invoices.planEnded(tenantId, invoiceIds, endedOn);
    }

    /** A later event states what is open of the invoice now (payments, credit notes, write-offs...). */
    public Uni<Void> open(String tenantId, UUID invoiceId, Money openAmount) {
        return invoices.open(tenantId, invoiceId, openAmount);
    }

    public Uni<Void> cancelled(String tenantId, UUID invoiceId) {
        return invoices.cancelled(tenantId, invoiceId);
    }

    /**
     * The exposure as {@link #of}, asked by the tenant naming the buyer: 404 {@code buyer.not-found} for another
     * tenant's buyer (common.domain.BuyerTenancy), not an empty split.
     */
    public Uni<InsuredExposure> asked(String tenantId, UUID policyId, UUID buyerId, LocalDate asOf) {
        return CurrentTransaction.run(() -> policies.versions(tenantId, policyId)
                .chain(() -> tenancy.visibleTo(tenantId, buyerId))
                .chain(() -> of(tenantId, policyId, buyerId, asOf)));
    }

    /**
     * The buyer's exposure on {@code asOf} (today when null) split into insured and uninsured under the policy,
     * invoices issued from the buyer's stop-deliveries date on ({@link #split}) being uninsured.
     */
    public Uni<InsuredExposure> of(String tenantId, UUID policyId, UUID buyerId, LocalDate asOf) {
        LocalDate day = asOf == null ? businessZone.today() : asOf;
        return CurrentTransaction.run(() -> policies.current(tenantId, policyId)
                .chain(policy -> limits.decisions(tenantId, policyId, buyerId)
                        .chain(decisions -> split(tenantId, policyId, policy.terms().currency(), buyerId, decisions, day))));
    }

    /**
     * From when the buyer's deliveries are at the tenant's own risk under the policy ({@link StopDeliveries}: the first
     * notification's day, the first stop-deliveries deadline missed, or the first claim for insolvency); empty when none.
     * Runs in the caller's
     * transaction.
     */
    public Uni<Optional<LocalDate>> stopDeliveriesFrom(String tenantId, UUID policyId, UUID buyerId) {
        return notifications.stopDeliveriesFrom(tenantId, policyId, buyerId)
                .chain(notified -> deadlines.firstMissedStopDeliveries(tenantId, policyId, buyerId)
                        .chain(missed -> claims.firstInsolvencyClaimOn(tenantId, policyId, buyerId)
                                .map(insolvency -> StopDeliveries.from(notified, missed, insolvency))));
    }

    /**
     * The buyer's exposure on {@code day} under the policy (in {@code currency}) and its limit {@code decisions}: the
     * one split for the exposure API, claims, overdue notifications and the deadlines job, with the buyer's
     * stop-deliveries date ({@link StopDeliveries}: the first notification's day, or the first stop-deliveries deadline
     * missed), so that what one calls uninsured no other treats as insured. Runs in the caller's
     * transaction.
     */
    public Uni<InsuredExposure> split(String tenantId, UUID policyId, String currency, UUID buyerId,
            List<LimitDecision> decisions, LocalDate day) {
        return stopDeliveriesFrom(tenantId, policyId, buyerId)
                .chain(stop -> invoices.ofBuyer(tenantId, buyerId).map(open -> InsuredExposure.on(day, open, decisions,
                        Money.currencyOf(currency), stop)));
    }
}
