package io.tradecredit.collections.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NotificationRequestIdTest {
    static final UUID BUYER = UUID.fromString("3f2b8c1e-0000-4000-8000-000000000001");
    static final LocalDate RUN = LocalDate.of(2026, 10, 8);

    static UUID id() {
        return NotificationRequestId.of("acme", BUYER, RUN, "formal-demand", Channel.EMAIL, "");
    }

    @Test
    void theSameRequestOnAnotherRunOfTheDayHasTheSameId() {
        assertEquals(id(), id());
        // computed independently with Python's uuid.uuid5 over "4:acme36:3f2b...10:2026-10-0813:formal-demand5:EMAIL0:"
        assertEquals(UUID.fromString("7485ead1-5abd-5dc9-b137-7ecb5da661c6"), id());
    }

    @Test
    void anyDifferingPartGivesADifferentId() {
        List<UUID> ids = List.of(id(),
                NotificationRequestId.of("acme2", BUYER, RUN, "formal-demand", Channel.EMAIL, ""),
                NotificationRequestId.of("acme", UUID.fromString("3f2b8c1e-0000-4000-8000-000000000002"), RUN, "formal-demand", Channel.EMAIL, ""),
                NotificationRequestId.of("acme", BUYER, RUN.plusDays(1), "formal-demand", Channel.EMAIL, ""),
                NotificationRequestId.of("acme", BUYER, RUN, "finance-demand", Channel.EMAIL, ""),
                NotificationRequestId.of("acme", BUYER, RUN, "formal-demand", Channel.LETTER, ""),
                NotificationRequestId.of("acme", BUYER, RUN, "formal-demand", Channel.EMAIL, "INV-1"));
        assertEquals(ids.size(), Set.copyOf(ids).size());
    }

    @Test
    void partsThatRunTogetherTheSameWayAreStillDifferentRequests() {
        // "x" + EMAIL + "EMAIL" and "xEMAIL" + EMAIL + "" read alike without the lengths
        assertNotEquals(NotificationRequestId.of("acme", BUYER, RUN, "x", Channel.EMAIL, "EMAIL"),
                NotificationRequestId.of("acme", BUYER, RUN, "xEMAIL", Channel.EMAIL, ""));
    }

    @Test
    void itIsANameBasedUuidVersion5AsTheRfcDefinesIt() {
        assertEquals(5, id().version());
        assertEquals(2, id().variant());
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NotificationRequestId.nameBased(dns, "python.org"));
    }
}
