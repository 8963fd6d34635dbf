package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether the buyer's case was with the insurer's named collector, from what collections-service recorded in the
 * buyer's collection record: its hand-offs to partner agencies and its recalls (docs/insurance-claims-service.md,
 * "Deadlines"). The transfer deadline asks that the case be handed to that collector; a hand-over to another agency,
 * or one recalled before the day looked at, does not transfer it.
 */
public final class CollectorHandOver {
    private CollectorHandOver() {
    }

    /** A hand-off ({@code handedOver}) or a recall of the buyer's case, to or from the agency {@code agencyCode}. */
    public record Move(LocalDate on, boolean handedOver, String agencyCode) {
    }

    /**
     * The day the buyer's case went to the agency {@code collector} and stayed with it up to and including
     * {@code upTo}, from its moves oldest first; null when the case was not with it on that day or when the policy
     * names no agency code for its collector. A second hand-over while the case is already there keeps the first day.
     */
    public static LocalDate since(List<Move> oldestFirst, String collector, LocalDate upTo) {
        if (collector == null) {
            return null;
        }
        LocalDate since = null;
        for (Move m : oldestFirst) {
            if (m.on().isAfter(upTo) || !collector.equals(m.agencyCode())) {
                continue;
            }
            if (!m.handedOver()) {
                since = null;
            } else if (since == null) {
                since = m.on();
            }
        }
        return since;
    }
}
