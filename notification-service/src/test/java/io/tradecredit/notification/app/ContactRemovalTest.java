package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.PrintProviderResource;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.testing.Contracts;

/**
 * Removing a contact (DELETE /api/v1/contacts/{id}): what was sent to it keeps its proof; what was
 * queued for it and not handed over goes to the buyer's next usable contact, or fails "contact removed".
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(PrintProviderResource.class)
class ContactRemovalTest {
    @Inject
    Deliveries deliveries;

    void deliverAt(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    static String firstContact(String tenant, UUID buyer) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/buyers/" + buyer + "/contacts").then()
                .statusCode(200).extract().path("items[0].id");
    }

    static void remove(String tenant, String contactId) {
        given().auth().oauth2(token(tenant, "credit-manager")).delete("/api/v1/contacts/" + contactId).then().statusCode(204);
    }

    @Test
    void aSentEmailKeepsWhomItWentToAndItsProofAfterTheContactIsRemoved() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "kept-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));
        JsonPath sent = EmailDeliveryTest.message(tenant, id);
        assertEquals("SENT", sent.getString("status"));

        remove(tenant, firstContact(tenant, buyer));

        JsonPath after = EmailDeliveryTest.message(tenant, id);
        assertEquals("SENT", after.getString("status"));
        assertEquals(to, after.getString("address"));
        assertEquals(sent.getString("sha256"), after.getString("sha256"));
        assertEquals(sent.getString("text"), after.getString("text"));
        assertEquals(sent.getList("attemptLog"), after.getList("attemptLog"));
    }

    @Test
    void anEmailQueuedForARemovedContactGoesToTheBuyersNextContactOnEmail() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String anna = "anna-" + buyer + "@globex.example";
        String li = "li-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, anna, "en");
        String annaId = firstContact(tenant, buyer);
        String liId = addContact(tenant, buyer, contact("Li Wei", li, "zh-CN"));
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        JsonPath queued = EmailDeliveryTest.message(tenant, id);
        assertEquals("QUEUED", queued.getString("status"));
        assertEquals(anna, queued.getString("address"));

        remove(tenant, annaId);

        JsonPath rerouted = EmailDeliveryTest.message(tenant, id);
        assertEquals("QUEUED", rerouted.getString("status"));
        assertEquals("EMAIL", rerouted.getString("channel"));
        assertEquals(li, rerouted.getString("address"));
        assertEquals("zh-CN", rerouted.getString("language"), "rendered anew for Li Wei, in Li Wei's language");
        assertEquals("contact removed; re-routed to contact " + liId + " on EMAIL", rerouted.getString("reason"));
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));

        assertEquals(0, GreenMailResource.to(anna).size(), "nothing to the removed contact");
        assertEquals(1, GreenMailResource.to(li).size());
        assertEquals("SENT", EmailDeliveryTest.message(tenant, id).getString("status"));
        var events = statuses(id, r -> r.size() >= 3);
        assertEquals(List.of("QUEUED", "QUEUED", "SENT"),
                events.stream().map(r -> Contracts.assertValid(r).get("status").asText()).toList());
    }

    @Test
    void anEmailQueuedForTheBuyersOnlyContactFailsContactRemoved() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String anna = "only-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, anna, "en");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);

        remove(tenant, firstContact(tenant, buyer));

        JsonPath failed = EmailDeliveryTest.message(tenant, id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("reason").startsWith("contact removed; then "), failed.getString("reason"));
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));
        assertEquals(0, GreenMailResource.to(anna).size());
        var events = statuses(id, r -> r.size() >= 2);
        assertEquals("FAILED", Contracts.assertValid(events.get(1)).get("status").asText());
        assertEquals(failed.getString("reason"), Contracts.assertValid(events.get(1)).get("reason").asText());
    }

    @Test
    void aLetterWhosePdfWasMadeForTheRemovedContactIsMadeAnewForTheNextContact() throws Throwable {
        var d = ContactChangeReroutingTest.demand(true, "dunning.finance-demand", "LETTER", false);
        String tenant = d.tenant();
        UUID id = d.id();
        String made = ContactChangeReroutingTest.firstPrintRefused(deliveries, d);
        String wangId = addContact(tenant, d.buyer(), ContactChangeReroutingTest.byPost("王强",
                "wang-" + d.buyer() + "@globex.example", "上海市南京东路2号 环球贸易有限公司"));

        remove(tenant, d.liId());

        JsonPath rerouted = EmailDeliveryTest.message(tenant, id);
        assertEquals("QUEUED", rerouted.getString("status"));
        assertEquals("contact removed; re-routed to contact " + wangId + " on LETTER; " + LetterDocument.madeAnew(made),
                rerouted.getString("reason"));
        deliverAt(Instant.now().plus(java.time.Duration.ofDays(2)));
        JsonPath sent = EmailDeliveryTest.message(tenant, id);
        assertEquals("SENT", sent.getString("status"));
        String text = Pdfs.read(LetterDeliveryTest.content(tenant, id).then().statusCode(200).extract().asByteArray()).text();
        assertTrue(text.contains("王强") && !text.contains("李伟"), "made for the contact it goes to now: " + text);
        var printed = ContactChangeReroutingTest.printed(id);
        assertEquals(2, printed.size(), "refused once, printed once");
        assertTrue(printed.get(1).body().contains("上海市南京东路2号"), printed.get(1).body());
    }
}
