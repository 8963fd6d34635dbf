package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

import io.tradecredit.common.insurance.InsuredDeliveries;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.money.Money;

/**
 * What the credit check says about credit insurance (docs/credit-service.md, "Insurance in the credit
 * check"): the buyer's insured limit on the day, and how the buyer's exposure plus this order splits
 * into an insured and an uninsured part (DOMAIN §4: insured up to the limit, oldest invoices first;
 * above it uninsured). Each open invoice is insured under the limit in force on its issue day, after what
 * the older ones take of it (chassis {@code InsuredDeliveries}: a later reduction leaves it covered), so one
 * issued while the buyer had no limit, or on or after stop-deliveries, is not; the order is the newest delivery,
 * insured for what today's limit leaves after the open invoices, and not while stop-deliveries runs. {@code insured} says whether the order has an
 * insured part, {@code reason} why (not). The limit on a day is read from the buyer's insured-limit
 * schedule as insurance-claims-service computed it (its rule, not re-derived here). Without a schedule received
 * or a stop-deliveries in force, the check says nothing ({@code null}). A check recorded before the split existed has null figures.
 *
 * @param insuredLimit the limit in force on the day (zero when none)
 * @param insuredExposure the insured part of the open invoices and the order (may exceed {@code insuredLimit}
 *        after a reduction: invoices delivered before it stay insured under the higher limit of their day)
 * @param uninsuredExposure the rest of them
 * @param orderInsured the insured part of the order
 */
public record InsuranceCover(boolean insured, String reason, LocalDate stopDeliveriesFrom, Money insuredLimit,
        Money insuredExposure, Money uninsuredExposure, Money orderInsured) {

    /**
     * What started a stop-deliveries (insurance-claims-service's {@code cause}), in the words the check's reason
     * names it with, so that a credit manager tells an insolvency from an overdue account.
     */
    public enum StopCause {
        NOTIFIED("overdue account notified to the insurer"), DEADLINE_MISSED("stop-deliveries deadline missed"),
        INSOLVENCY("insolvency claim");

        private final String words;

        StopCause(String words) {
            this.words = words;
        }
    }

    /** An open invoice as the split needs it; {@code issueDate} is null for one known from before issue dates were kept. */
    public record OpenInvoice(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money open) {
    }

    /**
     * Oldest first: by issue date (an invoice without one is older than any with one: it was issued before
     * credit-service kept issue dates), then due date, then number.
     */
    static final Comparator<OpenInvoice> OLDEST_FIRST = Comparator
            .comparing(OpenInvoice::issueDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::invoiceNumber);

    /** The cover of a delivery on {@code today} given only the earliest stop-deliveries day known (null: none). */
    public static InsuranceCover on(LocalDate today, LocalDate stopDeliveriesFrom) {
        return stopsOn(today, stopDeliveriesFrom) ? new InsuranceCover(false, stopReason(stopDeliveriesFrom, null),
                stopDeliveriesFrom, null, null, null, null) : null;
    }

    /** The cover of {@code order} under a stop-deliveries whose cause is not known (kept before V15). */
    public static InsuranceCover of(LocalDate today, Money order, List<OpenInvoice> invoices,
            InsuredLimitSchedule limits, LocalDate stopDeliveriesFrom) {
        return of(today, order, invoices, limits, stopDeliveriesFrom, null);
    }

    /**
     * The cover of {@code order} on {@code today}: the buyer's open invoices (any currency: only those in the
     * order's count) and this order split by the buyer's insured-limit schedule {@code limits} (null: none
     * received), stop-deliveries from {@code stopDeliveriesFrom} (null: none) started by {@code stopCause} (null: a
     * stop kept before credit-service kept causes, V15: the reason names only its day).
     */
    public static InsuranceCover of(LocalDate today, Money order, List<OpenInvoice> invoices,
            InsuredLimitSchedule limits, LocalDate stopDeliveriesFrom, StopCause stopCause) {
        boolean stopped = stopsOn(today, stopDeliveriesFrom);
        if (limits == null && !stopped) {
            return null;
        }
        if (limits == null) {
            limits = InsuredLimitSchedule.NONE;
        }
        Currency currency = order.currency();
        InsuredLimitSchedule schedule = limits;
        Money limit = schedule.on(today, currency);
        // each invoice under the limit in force on its issue day (a reduction leaves earlier deliveries covered);
        // one known from before issue dates were kept under today's
        InsuredDeliveries cover = InsuredDeliveries.under(currency, day -> schedule.on(day, currency), today);
        Money insured = Money.zero(currency);
        Money uninsured = Money.zero(currency);
        for (OpenInvoice i : invoices.stream().filter(i -> i.open().currency().equals(currency)).sorted(OLDEST_FIRST)
                .toList()) {
            Money part = stopsOn(i.issueDate() == null ? today : i.issueDate(), stopDeliveriesFrom)
                    ? Money.zero(currency) : cover.cover(i.issueDate(), i.open());
            insured = insured.plus(part);
            uninsured = uninsured.plus(i.open().minus(part));
        }
        Money orderPart = stopped ? Money.zero(currency) : cover.cover(today, order);
        insured = insured.plus(orderPart);
        uninsured = uninsured.plus(order.minus(orderPart));
        return new InsuranceCover(orderPart.isPositive(),
                reason(stopped, stopDeliveriesFrom, stopCause, limit, orderPart, order),
                stopped ? stopDeliveriesFrom : null, limit, insured, uninsured, orderPart);
    }

    private static boolean stopsOn(LocalDate day, LocalDate stopDeliveriesFrom) {
        return stopDeliveriesFrom != null && !stopDeliveriesFrom.isAfter(day);
    }

    private static String stopReason(LocalDate from, StopCause cause) {
        return cause == null ? "stop-deliveries since " + from : "stop-deliveries since " + from + ": " + cause.words;
    }

    private static String reason(boolean stopped, LocalDate stopFrom, StopCause stopCause, Money limit,
            Money orderPart, Money order) {
        if (stopped) {
            return stopReason(stopFrom, stopCause);
        }
        if (!limit.isPositive()) {
            return "no insured limit";
        }
        if (!orderPart.isPositive()) {
            return "insured limit " + limit + " taken by older invoices";
        }
        return orderPart.equals(order) ? "insured within the limit of " + limit
                : "insured for " + orderPart + " within the limit of " + limit;
    }
}
