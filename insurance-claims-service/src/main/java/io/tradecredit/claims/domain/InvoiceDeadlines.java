package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadlines of one insured overdue invoice under a policy's terms (docs/insurance-claims-service.md,
 * "Deadlines"). DOMAIN §4 gives the maximum extension period (MEP) as how long past the original due date the tenant
 * may wait before telling the insurer, and the overdue notification as due when the invoice passes the MEP. So
 * everything counts from the end of the MEP, {@code extendedTo} = the original due date + {@code maximumExtensionDays},
 * as credit-insurance policies read: within the MEP the tenant may extend (a payment plan) without the insurer; a
 * plan ending earlier brings no deadline forward, and one ending later needs the insurer's consent, so it moves
 * nothing either. From that day: notify the overdue by {@code notificationDays} after it; deliveries stop being
 * insured the day after that (so they must have stopped by then); transfer to the named collector by
 * {@code transferDays} after it; file the claim by {@code claimFilingDays} after it.
 *
 * @param extendedTo the end of the MEP, the day the deadlines count from
 */
public record InvoiceDeadlines(LocalDate dueDate, LocalDate extendedTo, Map<DeadlineKind, LocalDate> dates) {

    public InvoiceDeadlines {
        dates = Map.copyOf(dates);
    }

    /** The deadlines under {@code terms} of an invoice originally due on {@code dueDate}. */
    public static InvoiceDeadlines of(PolicyTerms terms, LocalDate dueDate) {
        LocalDate extendedTo = dueDate.plusDays(terms.maximumExtensionDays());
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
