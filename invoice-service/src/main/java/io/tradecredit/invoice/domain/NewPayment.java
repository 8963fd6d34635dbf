package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A payment as finance records it. {@code allocations} null means "oldest first"; an empty
 * list means "allocate nothing" (a prepayment, kept whole as buyer credit).
 */
public record NewPayment(UUID buyerId, Money amount, LocalDate receivedOn, String reference,
        List<Allocator.Request> allocations) {
    public static final int MAX_REFERENCE = 200;

    public boolean explicit() {
        return allocations != null;
    }

    /** Every field that is missing or wrong on its own; {@code latestDate} is the last date not in the future. */
    public List<Violation> violations(LocalDate latestDate) {
        List<Violation> errors = new ArrayList<>();
        if (buyerId == null) {
            errors.add(new Violation("buyerId", "is required"));
        }
        if (amount == null) {
            errors.add(new Violation("amount", "is required"));
        } else if (!amount.isPositive()) {
            errors.add(new Violation("amount", "must be greater than 0"));
        }
        if (receivedOn == null) {
            errors.add(new Violation("receivedOn", "is required"));
        } else if (receivedOn.isAfter(latestDate)) {
            errors.add(new Violation("receivedOn", "must not be in the future"));
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            errors.add(new Violation("reference", "must be at most " + MAX_REFERENCE + " characters"));
        }
        if (allocations != null && amount != null) {
            errors.addAll(Allocator.requestViolations(amount.currency(), allocations));
        }
        return errors;
    }
}
