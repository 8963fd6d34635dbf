package io.tradecredit.planted.clean.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.tradecredit.common.time.BusinessTimeZone;

/** Dates as the platform keeps them: in the business time zone. */
public class FeeDays {
    public LocalDate dueOn(BusinessTimeZone zone, OffsetDateTime chargedAt) {
        return zone.dateOf(chargedAt).plusDays(30);
    }

    public LocalDate today(BusinessTimeZone zone) {
        return zone.today();
    }
}
