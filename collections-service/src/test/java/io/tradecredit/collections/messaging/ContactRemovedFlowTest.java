package io.tradecredit.collections.messaging;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.messaging.AgencyFlowTest.contactChanged;
import static io.tradecredit.collections.messaging.AgencyFlowTest.event;
import static io.tradecredit.collections.messaging.AgencyFlowTest.placed;
import static io.tradecredit.collections.messaging.ReadModelEvents.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.collections.app.CollectionCases;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/**
 * A contact notification-service removed ({@code contact-removed} on the real {@code notification-status})
 * is no longer named in the agency's case file: neither in what a hand-off publishes nor in the REST view.
 */
@QuarkusTest
class ContactRemovedFlowTest {
    @Inject
    CollectionCases cases;

    /** contact-removed as notification-service publishes it (checked against its schema); the event id. */
    static String contactRemoved(String tenant, String buyer, String contact, String at, String eventId) {
        return Topics.sendEvent("notification-status", tenant, "notification", "contact-removed", buyer, eventId,
                Map.of("contactId", contact, "buyerId", buyer, "removedAt", at));
    }

    static long inbox(String eventId) {
        return Database.count("select count(*) from inbox where event_id = ?", eventId);
    }

    static void contactsShown(AgencyFlowTest.Placed p, String... names) {
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("agency").agency(p.agency()).mint())
                .get("/api/v1/agency/cases/" + p.caseId()).then().statusCode(200)
                .body("debtor.contacts.name", contains(names));
    }

    @Test
    void aRemovedContactLeavesTheCaseFileAndARepeatOrAnUnknownContactChangesNothing() {
        String li = UUID.randomUUID().toString();
        String zhao = UUID.randomUUID().toString();
        String wang = UUID.randomUUID().toString();
        // ids in the order entered, as notification-service's time-ordered ids are: the file lists them so
        List<String> ordered = new java.util.ArrayList<>(List.of(li, zhao, wang));
        java.util.Collections.sort(ordered);
        String first = ordered.get(0);
        String second = ordered.get(1);
        String third = ordered.get(2);
        AgencyFlowTest.Placed p = placed(cases, (tenant, buyer) -> {
            contactChanged(tenant, buyer, first, "Li Wei", "accounts payable", "li@globex.example", null, "2026-12-01T09:00:00Z");
            contactChanged(tenant, buyer, second, "赵敏", "CFO", null, "+86 139 0000 0000", "2026-12-01T10:00:00Z");
            contactChanged(tenant, buyer, third, "Wang Fang", null, "wang@globex.example", null, "2026-12-01T11:00:00Z");
            String removed = contactRemoved(tenant, buyer, first, "2026-12-02T09:00:00Z", UUID.randomUUID().toString());
            await("the removal", () -> inbox(removed) == 1);
        });
        JsonNode file = event(TopicNames.agencyCases(p.agency()), p.caseId(), "io.tradecredit.collections.agency-case-placed.v1");
        assertEquals(List.of("赵敏", "Wang Fang"), file.at("/debtor/contacts").findValuesAsText("name"),
                "the hand-off's file names the contacts left");
        contactsShown(p, "赵敏", "Wang Fang");

        // removed after the hand-off: the REST view no longer shows it
        String removal = UUID.randomUUID().toString();
        contactRemoved(p.tenant(), p.buyer(), second, "2026-12-03T09:00:00Z", removal);
        await("the second removal", () -> inbox(removal) == 1);
        contactsShown(p, "Wang Fang");

        // delivered again (same event id): read once; a contact never kept: nothing changes
        contactRemoved(p.tenant(), p.buyer(), second, "2026-12-03T09:00:00Z", removal);
        String unknown = contactRemoved(p.tenant(), p.buyer(), UUID.randomUUID().toString(), "2026-12-03T10:00:00Z",
                UUID.randomUUID().toString());
        await("the unknown contact's removal", () -> inbox(unknown) == 1);
        assertEquals(1, inbox(removal));
        contactsShown(p, "Wang Fang");
        assertEquals(1, Database.count("select count(*) from buyer_contact where tenant_id = ? and buyer_id = ?::uuid",
                p.tenant(), p.buyer()));
        // another tenant's removal of the same contact id touches nothing here
        String elsewhere = contactRemoved("t-other", p.buyer(), third, "2026-12-04T09:00:00Z", UUID.randomUUID().toString());
        await("the other tenant's removal", () -> inbox(elsewhere) == 1);
        given().auth().oauth2(Tokens.tenant(p.tenant()).roles("agency").agency(p.agency()).mint())
                .get("/api/v1/agency/cases/" + p.caseId()).then().statusCode(200).body("debtor.contacts.size()", equalTo(1));
    }
}
