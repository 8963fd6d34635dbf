package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** A poll cut into runs of consecutive events of one kind keeps the poll's order, between runs and within each. */
class EventRunsTest {
    private static IncomingEvent event(String id, String name) {
        return ofType(id, "io.tradecredit.notification." + name + ".v1");
    }

    private static IncomingEvent ofType(String id, String type) {
        return new IncomingEvent(id, type, "/tradecredit/x", "acme", "s", null, "t", "k", null);
    }

    private static final List<IncomingEvent> POLL = List.of(event("1", "message-requested"), event("2", "message-requested"),
            event("3", "withdrawal-requested"), event("4", "message-requested"), event("5", "withdrawal-requested"),
            event("6", "withdrawal-requested"));

    @Test
    void consecutiveEventsOfOneKindMakeOneRunAndAnotherKindStartsTheNext() {
        List<EventRuns.Run<String>> runs = EventRuns.of(POLL, e -> e.nameFrom("notification"));

        assertEquals(List.of("message-requested", "withdrawal-requested", "message-requested", "withdrawal-requested"),
                runs.stream().map(EventRuns.Run::kind).toList());
        assertEquals(List.of(List.of("1", "2"), List.of("3"), List.of("4"), List.of("5", "6")),
                runs.stream().map(r -> r.events().stream().map(IncomingEvent::id).toList()).toList());
    }

    @Test
    void eventsOfNoNameMakeOneRunAndNoEventsNoRuns() {
        List<EventRuns.Run<String>> runs = EventRuns.of(List.of(event("1", "message-requested"), ofType("2", "io.tradecredit.credit.limit-set.v1"),
                ofType("3", "io.tradecredit.invoice.issued.v1")), e -> e.nameFrom("notification"));

        assertEquals(2, runs.size());
        assertEquals(List.of("2", "3"), runs.get(1).events().stream().map(IncomingEvent::id).toList());
        assertEquals(List.of(), EventRuns.of(List.of(), e -> e.nameFrom("notification")));
    }

    @Test
    void theRunsAreAppliedOneAfterTheOtherInThePollsOrder() {
        List<String> applied = new ArrayList<>();
        EventRuns.apply(POLL, e -> e.nameFrom("notification"), (kind, events) -> Uni.createFrom().voidItem()
                .invoke(() -> applied.add(kind + events.stream().map(IncomingEvent::id).toList()))).await().indefinitely();

        assertEquals(List.of("message-requested[1, 2]", "withdrawal-requested[3]", "message-requested[4]",
                "withdrawal-requested[5, 6]"), applied);
    }

    @Test
    void eachEventOfARunTakenOneByOneIsAppliedInOrder() {
        List<String> applied = new ArrayList<>();
        EventRuns.each(POLL, e -> Uni.createFrom().voidItem().invoke(() -> applied.add(e.id()))).await().indefinitely();

        assertEquals(List.of("1", "2", "3", "4", "5", "6"), applied);
    }
}
