package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A pause of dunning for a whole buyer or for one of its invoices (docs/domain.md §3 "Holds"):
 * it has a reason and an end date, and holds on every day from {@code from} to {@code until}
 * inclusive, unless it was released earlier. A hold released on a day no longer holds on that
 * day: a promise kept or broken on a run date lets that same run dun again.
 *
 * @param invoiceId null for a hold on the whole buyer
 * @param releasedOn null while it runs to its end date
 */
public record Hold(UUID id, UUID buyerId, UUID invoiceId, Reason reason, LocalDate from, LocalDate until,
        LocalDate releasedOn) {

    /** Why dunning is paused: the four reasons of §3, and a claim on the credit insurer (claim-events). */
    public enum Reason {
        DISPUTE, PROMISE_TO_PAY, PAYMENT_PLAN, MANUAL, CLAIM
    }

    /** A new hold, refused with every missing or inconsistent item named. */
    public static Hold place(UUID id, UUID buyerId, UUID invoiceId, Reason reason, LocalDate from, LocalDate until) {
        List<Violation> wrong = new ArrayList<>();
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "must be given: a hold is for a buyer or one of its invoices"));
        }
        if (reason == null) {
            wrong.add(new Violation("reason", "must be one of DISPUTE, PROMISE_TO_PAY, PAYMENT_PLAN, MANUAL, CLAIM"));
        }
        if (from == null) {
            wrong.add(new Violation("from", "must be given"));
        }
        if (until == null) {
            wrong.add(new Violation("until", "must be given: every hold has an end date"));
        } else if (from != null && until.isBefore(from)) {
            wrong.add(new Violation("until", "must not be before from (" + from + ")"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("hold.invalid", "The hold is incomplete or inconsistent", wrong);
        }
        return new Hold(Objects.requireNonNull(id, "id"), buyerId, invoiceId, reason, from, until, null);
    }

    /** Whether this hold is on the whole buyer rather than on one invoice. */
    public boolean coversWholeBuyer() {
        return invoiceId == null;
    }

    /** Whether it pauses dunning on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until) && (releasedOn == null || day.isBefore(releasedOn));
    }

    /** Whether it pauses dunning of {@code invoice} of {@code buyer} on {@code day}: a buyer hold covers every invoice. */
    public boolean holds(UUID buyer, UUID invoice, LocalDate day) {
        return buyerId.equals(buyer) && (coversWholeBuyer() || invoiceId.equals(invoice)) && holdsOn(day);
    }

    /** The hold running again to its end date, as if never released (a kept promise whose payment bounced). */
    public Hold resumed() {
        return new Hold(id, buyerId, invoiceId, reason, from, until, null);
    }

    /** Ends the hold before its end date (a promise judged, a dispute resolved, a collector lifting it). */
    public Hold release(LocalDate on) {
        if (releasedOn != null) {
            throw DomainError.conflict("hold.already-released", "Hold " + id + " was already released on " + releasedOn);
        }
        return new Hold(id, buyerId, invoiceId, reason, from, until, on);
    }
}
