package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.Pdfs;
import io.tradecredit.notification.PrintProviderResource;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.Proof;
import io.tradecredit.testing.HttpStandIn;

/**
 * A contact changed after a message was queued for it (PUT /api/v1/contacts/{id}, an opt-out): a message it
 * no longer reaches on its channel (the address gone or another, an opt-out) goes, under the same id, to the
 * contact the rules choose now (accounts payable, else finance, else anyone), else by the next channel of the
 * order; only with nothing left it fails, saying why. Before, an opt-out failed it at the hand-over (the next
 * channel, never another contact) and an edited address was ignored: the email went to the address removed.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(PrintProviderResource.class)
class ContactChangeReroutingTest {
    @Inject
    Deliveries deliveries;

    void deliverAt(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    static Map<String, Object> withFunction(Map<String, Object> contact, String function) {
        contact.put("function", function);
        return contact;
    }

    static void put(String tenant, String contactId, Map<String, Object> contact) {
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(contact)
                .put("/api/v1/contacts/" + contactId).then().statusCode(200);
    }

    static void optOut(String tenant, String contactId, String channel) {
        given().auth().oauth2(token(tenant, "credit-manager")).put("/api/v1/contacts/" + contactId + "/opt-outs/" + channel)
                .then().statusCode(200);
    }

    /** A dunning demand {@code id} queued to Li Wei, the only contact of {@code buyer} of {@code tenant}. */
    record Demand(String tenant, UUID buyer, String liId, UUID id) {
    }

    /**
     * A tenant with Acme's letterhead (and its seal when {@code sealed}) whose buyer's one contact, Li Wei, reads
     * zh-CN at an email and a postal address, and a demand of {@code templateKey} queued to him on {@code channel}.
     */
    static Demand demand(boolean sealed, String templateKey, String channel, boolean attachLetter) {
        UUID buyer = UUID.randomUUID();
        String tenant = LetterDeliveryTest.tenant(buyer, "zh-CN", sealed);
        String liId = ContactRemovalTest.firstContact(tenant, buyer);
        UUID id = LetterDeliveryTest.requested(tenant, buyer, templateKey, channel, LetterDeliveryTest.demandData(buyer),
                attachLetter);
        return new Demand(tenant, buyer, liId, id);
    }

    /** A contact of accounts payable reading zh-CN at {@code postalAddress} (and {@code email}, unless null). */
    static Map<String, Object> byPost(String name, String email, String postalAddress) {
        Map<String, Object> c = contact(name, email, "zh-CN");
        c.put("postalAddress", postalAddress);
        return c;
    }

    /**
     * The print provider refuses the demand's first hand-over: the letter waits for its retry with its PDF made
     * (for the contact as it is now); that PDF's SHA-256.
     */
    static String firstPrintRefused(Deliveries deliveries, Demand d) throws Throwable {
        PrintProviderResource.PROVIDER.answer(PrintProviderResource.PATH, 503);
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(Instant.now()));
        assertEquals("QUEUED", EmailDeliveryTest.message(d.tenant(), d.id()).getString("status"), "waits for its retry");
        return LetterDeliveryTest.content(d.tenant(), d.id()).then().statusCode(200).extract().header("Tradecredit-Sha256");
    }

    /** What the print provider was handed of message {@code id}, in order. */
    static List<HttpStandIn.Received> printed(UUID id) {
        return PrintProviderResource.PROVIDER.at(PrintProviderResource.PATH).stream()
                .filter(p -> id.toString().equals(p.messageId())).toList();
    }

    @Test
    void anEmailForAContactWhoOptsOutGoesToFinanceNotToSalesEnteredEarlier() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String zhao = "zhao-" + buyer + "@globex.example";
        String anna = "anna-" + buyer + "@globex.example";
        String li = "li-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, zhao, "en");
        put(tenant, ContactRemovalTest.firstContact(tenant, buyer), withFunction(contact("Zhao Min", zhao, "en"), "sales"));
        String annaId = addContact(tenant, buyer, contact("Anna Berg", anna, "en"));
        String liId = addContact(tenant, buyer, withFunction(contact("Li Wei", li, "zh-CN"), "finance"));
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        assertEquals(anna, EmailDeliveryTest.message(tenant, id).getString("address"), "accounts payable first");

        optOut(tenant, annaId, "EMAIL");

        JsonPath m = EmailDeliveryTest.message(tenant, id);
        assertEquals("QUEUED", m.getString("status"));
        assertEquals(li, m.getString("address"));
        assertEquals("the contact opted out of EMAIL; re-routed to contact " + liId + " on EMAIL", m.getString("reason"));
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));
        assertEquals(1, GreenMailResource.to(li).size());
        assertEquals(0, GreenMailResource.to(anna).size());
        assertEquals(0, GreenMailResource.to(zhao).size());
        assertEquals("SENT", EmailDeliveryTest.message(tenant, id).getString("status"));
    }

    @Test
    void anEmailForAContactWhoseEmailIsRemovedGoesToTheNextContactOnEmailNotToTheOldAddress() throws Throwable {
        UUID buyer = UUID.randomUUID();
        String anna = "old-" + buyer + "@globex.example";
        String li = "li-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, anna, "en");
        String annaId = ContactRemovalTest.firstContact(tenant, buyer);
        String liId = addContact(tenant, buyer, withFunction(contact("Li Wei", li, "zh-CN"), "finance"));
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);

        Map<String, Object> noEmail = contact("Anna Berg", null, "en");
        noEmail.put("mobile", "+86 138 0000 0001");
        put(tenant, annaId, noEmail);

        JsonPath m = EmailDeliveryTest.message(tenant, id);
        assertEquals("QUEUED", m.getString("status"));
        assertEquals(li, m.getString("address"));
        assertEquals("zh-CN", m.getString("language"), "rendered anew for Li Wei");
        assertEquals("the contact has no EMAIL address now; re-routed to contact " + liId + " on EMAIL", m.getString("reason"));
        deliverAt(EmailDeliveryTest.dueAt(tenant, id));
        assertEquals(0, GreenMailResource.to(anna).size(), "nothing to the address removed");
        assertEquals(1, GreenMailResource.to(li).size());
    }

    @Test
    void withNobodyOnEmailItFallsBackToALetterAndWithNothingLeftItFailsSayingWhy() throws Throwable {
        Demand d = demand(false, "dunning.formal-demand", "EMAIL", false);
        assertEquals("EMAIL", EmailDeliveryTest.message(d.tenant(), d.id()).getString("channel"));

        put(d.tenant(), d.liId(), byPost("李伟", null, "上海市南京东路1号 环球贸易有限公司"));

        JsonPath letter = EmailDeliveryTest.message(d.tenant(), d.id());
        assertEquals("QUEUED", letter.getString("status"));
        assertEquals("LETTER", letter.getString("channel"));
        assertEquals("the contact has no EMAIL address now; re-routed to contact " + d.liId() + " on LETTER",
                letter.getString("reason"));

        optOut(d.tenant(), d.liId(), "LETTER");

        JsonPath failed = EmailDeliveryTest.message(d.tenant(), d.id());
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("reason").startsWith("the contact opted out of LETTER; then no usable contact on "),
                failed.getString("reason"));
        deliverAt(Instant.now().plus(java.time.Duration.ofDays(2)));
        assertEquals(List.of(), printed(d.id()), "never printed");
    }

    @Test
    void aLetterMadeForTheOldPostalAddressIsMadeAnewForTheNewOneAndTheLogSaysWhy() throws Throwable {
        Demand d = demand(true, "dunning.finance-demand", "LETTER", false);
        String oldSha = firstPrintRefused(deliveries, d);

        String moved = "北京市朝阳区建国路88号 环球贸易有限公司";
        put(d.tenant(), d.liId(), byPost("李伟", "li-" + d.buyer() + "@globex.example", moved));

        JsonPath m = EmailDeliveryTest.message(d.tenant(), d.id());
        assertEquals("QUEUED", m.getString("status"), m.getString("reason"));
        assertEquals(moved, m.getString("address"));
        String why = "the contact's LETTER address changed; re-routed to contact " + d.liId() + " on LETTER; "
                + LetterDocument.madeAnew(oldSha);
        assertEquals(why, m.getString("reason"));
        assertEquals(404, LetterDeliveryTest.content(d.tenant(), d.id()).statusCode(), "the PDF for the old one is dropped");
        deliverAt(Instant.now().plus(java.time.Duration.ofDays(2)));

        JsonPath sent = EmailDeliveryTest.message(d.tenant(), d.id());
        assertEquals("SENT", sent.getString("status"));
        byte[] pdf = LetterDeliveryTest.content(d.tenant(), d.id()).then().statusCode(200).extract().asByteArray();
        String text = Pdfs.read(pdf).text();
        assertTrue(text.contains("北京市朝阳区建国路88号"), text);
        assertTrue(!text.contains("上海市南京东路1号"), "not the old address: " + text);
        assertEquals(Proof.sha256(pdf), sent.getString("sha256"), "the proof is the new PDF");
        assertTrue(!oldSha.equals(sent.getString("sha256")));
        var printed = printed(d.id());
        assertEquals(2, printed.size(), "refused once, printed once");
        assertTrue(printed.get(1).body().contains("北京市朝阳区建国路88号"), printed.get(1).body());
        assertEquals(List.of("RETRY", "SENT"), sent.getList("attemptLog.outcome"));
        assertTrue(sent.getString("attemptLog[0].detail").endsWith("; then " + why), sent.getString("attemptLog[0].detail"));
    }

    @Test
    void anEmailCarryingTheLetterReroutedToAnotherContactCarriesTheLetterMadeForThatContact() throws Throwable {
        Demand d = demand(false, "dunning.formal-demand", "EMAIL", true);
        String wang = "wang-" + d.buyer() + "@globex.example";
        addContact(d.tenant(), d.buyer(), byPost("王强", wang, "上海市南京东路2号 环球贸易有限公司"));

        optOut(d.tenant(), d.liId(), "EMAIL");
        assertEquals(wang, EmailDeliveryTest.message(d.tenant(), d.id()).getString("address"));
        deliverAt(Instant.now());

        assertEquals("SENT", EmailDeliveryTest.message(d.tenant(), d.id()).getString("status"));
        byte[] attached = LetterDeliveryTest.content(d.tenant(), d.id()).then().statusCode(200).extract().asByteArray();
        String text = Pdfs.read(attached).text();
        assertTrue(text.contains("收件人：王强") && !text.contains("李伟"), "the letter names whom it goes to: " + text);
    }
}
