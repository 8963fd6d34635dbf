package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.tradecredit.common.money.Money;

/**
 * One line of a claim's log: a move from one state to another, an indemnity payment, or a recovery
 * and its split; who recorded it, when, and for which day.
 */
public record ClaimEntry(Kind kind, ClaimState from, ClaimState to, Money amount, Money toInsurer, Money toTenant,
        LocalDate on, OffsetDateTime at, String by, String note) {

    /** What the line records. */
    public enum Kind {
        MOVE, PAYMENT, RECOVERY
    }

    public static ClaimEntry move(ClaimState from, ClaimState to, LocalDate on, OffsetDateTime at, String by, String note) {
        return new ClaimEntry(Kind.MOVE, from, to, null, null, null, on, at, by, note);
    }
}
