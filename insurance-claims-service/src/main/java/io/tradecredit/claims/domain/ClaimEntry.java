package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.tradecredit.common.money.Money;

/**
 * One line of a claim's log: a move from one state to another, an indemnity payment, a recovery
 * and its split, or what the ledger changed (an invoice's unpaid amount before approval, the buyer's money after);
 * who recorded it, when, for which day, and the invoice event it came from.
 *
 * @param eventId the invoice event an AMENDED or RECEIVED line came from; null for the others
 */
public record ClaimEntry(Kind kind, ClaimState from, ClaimState to, Money amount, Money toInsurer, Money toTenant,
        LocalDate on, OffsetDateTime at, String by, String note, String eventId) {

    /**
     * What the line records. AMENDED: before approval, an invoice's unpaid amount as the ledger now says (amount: the
     * invoice's unpaid amount after). RECEIVED: after approval, money the buyer paid on a claimed invoice (negative: a
     * payment reversed), kept to share as a recovery once the claim is paid.
     */
    public enum Kind {
        MOVE, PAYMENT, RECOVERY, AMENDED, RECEIVED
    }

    /** A line that no invoice event caused. */
    public ClaimEntry(Kind kind, ClaimState from, ClaimState to, Money amount, Money toInsurer, Money toTenant,
            LocalDate on, OffsetDateTime at, String by, String note) {
        this(kind, from, to, amount, toInsurer, toTenant, on, at, by, note, null);
    }

    public static ClaimEntry move(ClaimState from, ClaimState to, LocalDate on, OffsetDateTime at, String by, String note) {
        return new ClaimEntry(Kind.MOVE, from, to, null, null, null, on, at, by, note);
    }
}
