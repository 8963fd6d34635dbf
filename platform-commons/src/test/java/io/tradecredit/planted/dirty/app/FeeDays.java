package io.tradecredit.planted.dirty.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Planted violations: today read off the (UTC) clock, and an instant's date in its own offset. */
public class FeeDays {
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    public LocalDate dayOf(OffsetDateTime chargedAt) {
        return chargedAt.toLocalDate();
    }
}
