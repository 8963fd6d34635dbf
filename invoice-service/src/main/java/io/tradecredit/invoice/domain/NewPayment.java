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

    /**
     * The code of a refusal for {@code errors} ({@link #violations}): {@code allocation.exceeds-payment} when the
     * allocations adding up to more than the payment are all that is wrong (the code it always had), else
     * {@code payment.incomplete}.
     */
    public static String refusalCode(List<Violation> errors) {
        return errors.size() == 1 && "allocations".equals(errors.get(0).field()) ? "allocation.exceeds-payment"
                : "payment.incomplete";
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
            // more allocated than paid is named with the rest, not after they are put right
            if (amount.isPositive()) {
                Allocator.exceeding(amount, "the payment", allocations).ifPresent(errors::add);
            }
        }
        return errors;
    }
}
