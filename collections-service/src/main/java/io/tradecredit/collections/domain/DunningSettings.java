package io.tradecredit.collections.domain;

import java.time.LocalDate;

/** A tenant's calendar and run settings, set through two doors but kept (and defaulted) together. */
public record DunningSettings(TenantCalendar calendar, RunSettings run) {
    /** A tenant that set neither: {@link TenantCalendar#DEFAULT} and {@link RunSettings#DEFAULT}. */
    public static final DunningSettings DEFAULT = new DunningSettings(TenantCalendar.DEFAULT, RunSettings.DEFAULT);

    /** The final payment date a message dated {@code letterDate} states, on this tenant's calendar and day count. */
    public LocalDate paymentDeadline(LocalDate letterDate) {
        return run.paymentDeadline().from(letterDate, calendar.calendar(), run.run().dayCount());
    }

    /**
     * The final payment date a message of the run of {@code runDate} states when it goes out on {@code today}: counted
     * from the later of the two. An operator catching up a run missed ten days ago sends its letters today, dated
     * today; counted from the run's date, a formal demand would ask for payment by a day already past.
     */
    public LocalDate paymentDeadline(LocalDate runDate, LocalDate today) {
        return paymentDeadline(runDate.isBefore(today) ? today : runDate);
    }
}
