package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.Optional;
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
}
