package io.tradecredit.notification.domain;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A moment in a request's data as its reader reads it. A requester states moments as instants (a top-level field
 * named {@code ...At}, e.g. credit-service's {@code raisedAt}: "2026-12-07T23:28:31.340618869Z"); printed as such, a
 * credit manager in Shanghai read a day, 7 December, on which nothing happened there: it was 07:28 on the 8th. Each
 * such field also gets {@code <name>Local}, the day and minute in the recipient's time zone with its offset,
 * "2026-12-08 07:28 (UTC+08:00)", for templates to print.
 */
public final class LocalTimes {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LocalTimes() {
    }

    /** {@code <name>Local} for each top-level {@code ...At} field of {@code data} that is a moment with an offset. */
    public static Map<String, String> of(Map<String, Object> data, ZoneId zone) {
        Map<String, String> local = new TreeMap<>();
        data.forEach((name, value) -> {
            if (name.endsWith("At") && value instanceof String text) {
                try {
                    OffsetDateTime at = OffsetDateTime.parse(text).atZoneSameInstant(zone).toOffsetDateTime();
                    local.put(name + "Local", MINUTE.format(at) + " (UTC" + at.getOffset().getId()
                            .replace("Z", "+00:00") + ")");
                } catch (DateTimeException notAMoment) {
                    // a field that only looks like one keeps its text alone
                }
            }
        });
        return local;
    }
}
