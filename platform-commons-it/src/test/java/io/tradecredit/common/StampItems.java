package io.tradecredit.common;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.testing.Database;

/** The stamp test jobs' rows ({@code stamp_item}) and events, as {@link StampJob} and {@link InOrderStampJob} and their tests use them. */
public final class StampItems {
    private StampItems() {
    }

    /** Items {@code first} to {@code first + count - 1}, due on {@code dueOn}. */
    public static void add(int first, int count, LocalDate dueOn) {
        Database.execute("insert into stamp_item (id, due_on) select g, ? from generate_series(?, ?) g", dueOn, first,
                first + count - 1);
    }

    /** How many of those items are stamped. */
    public static long stamped(int first, int count) {
        return Database.count("select count(*) from stamp_item where stamped_on is not null and id between ? and ?",
                first, first + count - 1);
    }

    /** How many events of {@code type} announce those items (in the outbox). */
    public static long events(String type, int first, int count) {
        return Database.count("select count(*) from outbox where event_type = ?"
                + " and aggregate_id in (select g::text from generate_series(?, ?) g)", type, first, first + count - 1);
    }

    /** One event of {@code type} per stamped item. */
    static List<OutgoingEvent> announced(String type, List<Integer> ids, LocalDate asOf) {
        return ids.stream().map(id -> new OutgoingEvent("stamp-events", type, "stamp-item", id.toString(), "acme",
                Map.<String, Object>of("itemId", id, "asOf", asOf.toString()))).toList();
    }
}
