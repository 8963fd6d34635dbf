package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines of one insured overdue invoice under a policy's terms (docs/insurance-claims-service.md,
 * "Deadlines"). Everything counts from the end of the extension the tenant gave the buyer:
 * <ul>
 * <li>without an agreed payment plan, the invoice's original due date;</li>
 * <li>with one, the plan's last instalment date, never before the due date and never more than the
 * maximum extension period (MEP) after it: a plan may postpone the deadlines, only up to the MEP.</li>
 * </ul>
 * From that day: notify the overdue by {@code notificationDays} after it; deliveries stop being insured
 * the day after that (so they must have stopped by then); transfer to the named collector by
 * {@code transferDays} after it; file the claim by {@code claimFilingDays} after it.
 *
 * @param extendedTo the end of the extension the deadlines count from
 */
public record InvoiceDeadlines(LocalDate dueDate, LocalDate extendedTo, Map<DeadlineKind, LocalDate> dates) {

    public InvoiceDeadlines {
        dates = Map.copyOf(dates);
    }

    /** The deadlines under {@code terms} of an invoice due on {@code dueDate}; {@code planUntil} null without a plan. */
    public static InvoiceDeadlines of(PolicyTerms terms, LocalDate dueDate, LocalDate planUntil) {
        LocalDate extendedTo = dueDate;
        if (planUntil != null && planUntil.isAfter(dueDate)) {
            LocalDate mepEnd = dueDate.plusDays(terms.maximumExtensionDays());
            extendedTo = planUntil.isAfter(mepEnd) ? mepEnd : planUntil;
        }
        LocalDate notify = extendedTo.plusDays(terms.notificationDays());
        Map<DeadlineKind, LocalDate> dates = new EnumMap<>(DeadlineKind.class);
        dates.put(DeadlineKind.NOTIFY_OVERDUE, notify);
        dates.put(DeadlineKind.STOP_DELIVERIES, notify.plusDays(1));
        dates.put(DeadlineKind.TRANSFER_TO_COLLECTOR, extendedTo.plusDays(terms.transferDays()));
        dates.put(DeadlineKind.FILE_CLAIM, extendedTo.plusDays(terms.claimFilingDays()));
        return new InvoiceDeadlines(dueDate, extendedTo, dates);
    }

    public LocalDate of(DeadlineKind kind) {
        return dates.get(kind);
    }
}
