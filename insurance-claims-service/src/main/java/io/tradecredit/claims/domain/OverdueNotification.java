package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * The tenant told the insurer that an insured buyer's account is overdue (docs/insurance-claims-service.md,
 * "Overdue notification"). Only a buyer with insured overdue exposure can be notified: at least one open
 * invoice with an insured part whose due date has passed on the day. The notification names those invoices
 * (from the exposure) and starts the stop-deliveries period on its own day: deliveries from then on are
 * not insured.
 */
public record OverdueNotification(UUID id, UUID policyId, UUID buyerId, LocalDate notifiedOn, LocalDate stopDeliveriesFrom,
        List<Invoice> invoices, Money insuredOverdue, String note, OffsetDateTime at, String by) {

    /** One insured overdue invoice the notification concerns, as the exposure stood on the day. */
    public record Invoice(UUID invoiceId, String invoiceNumber, LocalDate dueDate, Money openAmount, Money insured) {
    }

    /**
     * The notification of {@code exposure} (the buyer's, on {@code day}); 422
     * {@code overdue.no-insured-overdue} when no insured invoice is overdue on that day.
     */
    public static OverdueNotification of(UUID policyId, UUID buyerId, InsuredExposure exposure, String note,
            LocalDate day, OffsetDateTime at, String by) {
        List<Invoice> overdue = exposure.lines().stream()
                .filter(l -> l.insured().isPositive() && l.invoice().dueDate().isBefore(day))
                .map(l -> new Invoice(l.invoice().invoiceId(), l.invoice().invoiceNumber(), l.invoice().dueDate(),
                        l.invoice().openAmount(), l.insured()))
                .toList();
        if (overdue.isEmpty()) {
            throw DomainError.unprocessable("overdue.no-insured-overdue", "Buyer " + buyerId
                    + " has no insured invoice overdue on " + day + " under policy " + policyId
                    + ": there is nothing to notify");
        }
        Money total = overdue.stream().map(Invoice::insured).reduce(Money.zero(exposure.limit().currency()), Money::plus);
        return new OverdueNotification(UUID.randomUUID(), policyId, buyerId, day, day, overdue, total, note, at, by);
    }
}
