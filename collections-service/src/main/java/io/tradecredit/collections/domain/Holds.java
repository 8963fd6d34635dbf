package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A buyer's holds, asked whether the buyer or one of its invoices is held on a day, and by which. */
public record Holds(List<Hold> all) {

    public Holds {
        all = List.copyOf(all);
    }

    /** The holds pausing the whole buyer on {@code day}. */
    public List<Hold> onBuyer(UUID buyerId, LocalDate day) {
        return all.stream().filter(h -> h.coversWholeBuyer() && h.buyerId().equals(buyerId) && h.holdsOn(day)).toList();
    }

    /** The holds pausing {@code invoiceId} on {@code day}: its own and the buyer's; empty when it may be dunned. */
    public List<Hold> onInvoice(UUID buyerId, UUID invoiceId, LocalDate day) {
        return all.stream().filter(h -> h.holds(buyerId, invoiceId, day)).toList();
    }

    public boolean isBuyerHeld(UUID buyerId, LocalDate day) {
        return !onBuyer(buyerId, day).isEmpty();
    }

    public boolean isInvoiceHeld(UUID buyerId, UUID invoiceId, LocalDate day) {
        return !onInvoice(buyerId, invoiceId, day).isEmpty();
    }
}
