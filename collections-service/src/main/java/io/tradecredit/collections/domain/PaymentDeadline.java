package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * The final payment date a dunning message states ("what happens next", DOMAIN §3): {@code days}
 * after the letter's date, counted as the tenant's ladder counts (calendar days, or business days
 * on its calendar). Counted in calendar days, a deadline on a day the tenant does not work moves to
 * the next working day, as a step's day does: the buyer is never asked to pay on a holiday.
 * {@link #DEFAULT} is the one place the default lives.
 */
public record PaymentDeadline(int days) {
    /** A week to pay after the letter (chosen here: §3 names no number). */
    public static final PaymentDeadline DEFAULT = new PaymentDeadline(7);
    /** More than a quarter would no longer be a deadline. */
    public static final int MAX_DAYS = 90;

    /** Refuses fewer than 1 or more than {@link #MAX_DAYS} days, naming {@code paymentDeadlineDays}. */
    public PaymentDeadline {
        if (days < 1 || days > MAX_DAYS) {
            throw DomainError.invalid("dunning.policy-invalid", "The dunning run settings are not valid",
                    List.of(new Violation("paymentDeadlineDays", "must be from 1 to " + MAX_DAYS + " days, was " + days)));
        }
    }

    /** The deadline a message dated {@code letterDate} states. */
    public LocalDate from(LocalDate letterDate, BusinessCalendar calendar, DayCount count) {
        return calendar.stepDay(letterDate, days, count);
    }
}
