package io.tradecredit.collections.domain;

/** A tenant's calendar and run settings, set through two doors but kept (and defaulted) together. */
public record DunningSettings(TenantCalendar calendar, RunSettings run) {
    /** A tenant that set neither: {@link TenantCalendar#DEFAULT} and {@link RunSettings#DEFAULT}. */
    public static final DunningSettings DEFAULT = new DunningSettings(TenantCalendar.DEFAULT, RunSettings.DEFAULT);
}
