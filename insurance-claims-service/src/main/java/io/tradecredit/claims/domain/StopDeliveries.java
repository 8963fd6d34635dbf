package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * From when new deliveries to a buyer are at the tenant's own risk under a policy (docs/domain.md §4: once an insured
 * invoice passes the MEP the overdue account must be notified, and after it new deliveries are not insured). The stop
 * starts on the day of the first overdue notification, or, when the tenant did not notify in time, on the day of the
 * first {@link DeadlineKind#STOP_DELIVERIES} deadline that passed unmet: not notifying must not keep later deliveries
 * insured that notifying would have left uninsured. The earlier of the two.
 */
public final class StopDeliveries {
    private StopDeliveries() {
    }

    /**
     * The stop-deliveries date of a buyer: {@code firstNotified}, the first overdue notification's day, and
     * {@code firstMissedDeadline}, the date of the first stop-deliveries deadline found missed; empty when neither.
     */
    public static Optional<LocalDate> from(Optional<LocalDate> firstNotified, Optional<LocalDate> firstMissedDeadline) {
        return Stream.concat(firstNotified.stream(), firstMissedDeadline.stream()).min(LocalDate::compareTo);
    }

    /**
     * As {@link #from(Optional, Optional)}, and {@code firstInsolvencyClaim}, the day of the buyer's first claim for
     * insolvency under the policy: the claim tells the insurer more than an overdue notification does (the insured
     * limit ends with the buyer's insolvency), so deliveries from its day are at the tenant's own risk. The earliest.
     */
    public static Optional<LocalDate> from(Optional<LocalDate> firstNotified, Optional<LocalDate> firstMissedDeadline,
            Optional<LocalDate> firstInsolvencyClaim) {
        return Stream.of(firstNotified, firstMissedDeadline, firstInsolvencyClaim).flatMap(Optional::stream)
                .min(LocalDate::compareTo);
    }

    /** What started a stop: the overdue notification, the stop-deliveries deadline passing unmet, a claim for insolvency. */
    public enum Cause {
        NOTIFIED, DEADLINE_MISSED, INSOLVENCY
    }

    /**
     * A stop's start: its day, and the overdue notification or missed stop-deliveries deadline ({@code startedBy}, its
     * id) that started it, as {@code stop-deliveries-started} named them.
     */
    public record Start(LocalDate from, UUID startedBy, Cause cause) {
    }

    /**
     * The stop this service stands by ({@link #from}, with what started it): {@code firstNotified}, the buyer's first
     * notification under the policy, and {@code firstMissedDeadline}, its first stop-deliveries deadline found missed;
     * the earlier, the notification on the same day; empty when neither. Worked example (V18 moved the deadlines to the
     * MEP's end): never notified, stop-deliveries missed on T-19 and reopened → none; missed on T-89, corrected to T-29
     * and still missed → T-29 (DEADLINE_MISSED); notified on T-40 as well → T-40 (NOTIFIED).
     */
    public static Optional<Start> standing(Optional<Start> firstNotified, Optional<Start> firstMissedDeadline) {
        // Stream.min keeps the first of equals: the notification
        return Stream.concat(firstNotified.stream(), firstMissedDeadline.stream()).min(Comparator.comparing(Start::from));
    }
}
