package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.GreenMailResource;

/** The unsubscribe link of an email in GreenMail opts its contact out; a forged link changes nothing. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class UnsubscribeTest {
    static final Pattern LINK = Pattern.compile("(https?://\\S+/unsubscribe\\?token=[A-Za-z0-9_.-]+)");

    @Inject
    Deliveries deliveries;

    record Delivered(String tenant, UUID buyer, String contactId, MimeMessage mail) {
    }

    Delivered emailed(String language) throws Throwable {
        UUID buyer = UUID.randomUUID();
        String to = "unsub-" + buyer + "@globex.example";
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, to, language);
        String contactId = given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/buyers/" + buyer + "/contacts")
                .then().statusCode(200).extract().path("items[0].id");
        UUID id = EmailDeliveryTest.requested(tenant, buyer, true);
        java.time.Instant due = EmailDeliveryTest.dueAt(tenant, id); // a blocking call, never on the event loop
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));
        return new Delivered(tenant, buyer, contactId, GreenMailResource.to(to).get(0));
    }

    static String part(MimeMessage mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.getContentType().startsWith(type)) {
                return String.valueOf(p.getContent());
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    static String pathOf(String link) {
        URI u = URI.create(link);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    static JsonPath contact(Delivered d) {
        return given().auth().oauth2(token(d.tenant(), "viewer")).get("/api/v1/contacts/" + d.contactId()).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void theLinkInTheEmailOptsTheContactOutAndTheNextEmailFailsSayingSo() throws Throwable {
        Delivered d = emailed("en");
        String link = link(part(d.mail(), "text/plain"));
        assertTrue(part(d.mail(), "text/plain").contains("To stop receiving these emails, open: " + link));
        assertTrue(part(d.mail(), "text/html").contains("<a href=\"" + link + "\">Unsubscribe</a>"));
        assertEquals("<" + link + ">", d.mail().getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", d.mail().getHeader("List-Unsubscribe-Post")[0]);

        // with what a mail gateway may add to a link: not the buyer's to fix (TypedQueryParams spares @PermitAll doors);
        // the page asks, and its button posts the form back to the link
        given().urlEncodingEnabled(false).get(pathOf(link) + "&utm_source=gateway").then().statusCode(200)
                .contentType("text/html").body(org.hamcrest.Matchers.containsString("<form method=\"post\">"));
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .post(pathOf(link) + "&utm_source=gateway").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("You are unsubscribed"));

        contact(d).getList("optedOut").contains("EMAIL");
        assertEquals(java.util.List.of("EMAIL"), contact(d).getList("optedOut"));
        UUID next = EmailDeliveryTest.requested(d.tenant(), d.buyer(), true);
        JsonPath m = EmailDeliveryTest.message(d.tenant(), next);
        assertEquals("FAILED", m.getString("status"));
        assertTrue(m.getString("reason").startsWith("no usable contact on EMAIL: every contact with an address opted out"),
                m.getString("reason"));
        // following it again (a mail client's one-click POST) changes nothing more
        given().urlEncodingEnabled(false).post(pathOf(link)).then().statusCode(200);
        assertEquals(java.util.List.of("EMAIL"), contact(d).getList("optedOut"));
    }

    /**
     * Mail gateways (link scanners, a webmail's preview) fetch every link of an email before the buyer reads it: the
     * GET of the link opted the accounts payable contact out of EMAIL without anyone clicking, and its dunning went by
     * letter or to sales. The link now opens a page that asks; only its button (a POST) unsubscribes (RFC 8058: one
     * click is a POST).
     */
    @Test
    void openingTheLinkAsksFirstSoAGatewayFetchingItUnsubscribesNobody() throws Throwable {
        Delivered d = emailed("zh-CN");
        String link = link(part(d.mail(), "text/plain"));
        given().urlEncodingEnabled(false).get(pathOf(link)).then().statusCode(200).contentType("text/html")
                .body(org.hamcrest.Matchers.containsString("<form method=\"post\">"),
                        org.hamcrest.Matchers.containsString("退订"), org.hamcrest.Matchers.containsString("Unsubscribe"));
        given().urlEncodingEnabled(false).get(pathOf(link)).then().statusCode(200);
        assertEquals(0, contact(d).getList("optedOut").size(), "fetching the link opted nobody out");
        UUID next = EmailDeliveryTest.requested(d.tenant(), d.buyer(), true);
        assertEquals("QUEUED", EmailDeliveryTest.message(d.tenant(), next).getString("status"));

        // the button: the browser posts the empty form back to the link
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded").post(pathOf(link)).then()
                .statusCode(200).body(org.hamcrest.Matchers.containsString("您已退订"));
        assertEquals(java.util.List.of("EMAIL"), contact(d).getList("optedOut"));
    }

    /**
     * A mail client's one-click unsubscribe (RFC 8058) POSTs the form body List-Unsubscribe=One-Click to the
     * List-Unsubscribe link: it was refused 415 (request bodies are JSON), so the buyer who pressed "unsubscribe" in
     * the mail client kept receiving the emails.
     */
    @Test
    void aMailClientsOneClickPostWithItsFormBodyOptsTheContactOut() throws Throwable {
        Delivered d = emailed("en");
        String link = d.mail().getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(pathOf(link)).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("You are unsubscribed"));
        assertEquals(java.util.List.of("EMAIL"), contact(d).getList("optedOut"));
        // the multipart form RFC 8058 allows too, and a repeat changes nothing more
        given().urlEncodingEnabled(false).multiPart("List-Unsubscribe", "One-Click").post(pathOf(link)).then()
                .statusCode(200);
        assertEquals(java.util.List.of("EMAIL"), contact(d).getList("optedOut"));
        // the chassis's rule stands elsewhere: a form body on an API door is 415
        given().auth().oauth2(token(d.tenant(), "tenant-admin")).contentType("application/x-www-form-urlencoded")
                .body("name=x").post("/api/v1/buyers/" + d.buyer() + "/contacts").then().statusCode(415);
    }

    @Test
    void anEmailQueuedBeforeTheContactUnsubscribedIsNotSent() throws Throwable {
        Delivered d = emailed("en");
        String to = "unsub-" + d.buyer() + "@globex.example";
        UUID queued = EmailDeliveryTest.requested(d.tenant(), d.buyer(), true);
        assertEquals("QUEUED", EmailDeliveryTest.message(d.tenant(), queued).getString("status"));

        given().urlEncodingEnabled(false).post(pathOf(link(part(d.mail(), "text/plain")))).then().statusCode(200);
        java.time.Instant due = EmailDeliveryTest.dueAt(d.tenant(), queued);
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));

        assertEquals(1, GreenMailResource.to(to).size(), "only the email before the opt-out");
        JsonPath m = EmailDeliveryTest.message(d.tenant(), queued);
        assertEquals("FAILED", m.getString("status"));
        // failed when the contact unsubscribed, not at the hand-over: nobody else of the buyer can be reached
        assertEquals("the contact opted out of EMAIL; then no usable contact on EMAIL: every contact with an address"
                + " opted out; then no usable contact on SMS: no contact has an address; LETTER: no contact has an address",
                m.getString("reason"));
    }

    @Test
    void aForgedOrAlteredLinkIsRefusedAndChangesNothing() throws Throwable {
        Delivered d = emailed("zh-CN");
        String text = part(d.mail(), "text/plain");
        assertTrue(text.contains("如不希望再收到此类邮件，请打开："), text);
        String link = link(text);
        String token = link.substring(link.indexOf("token=") + 6);
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        given().urlEncodingEnabled(false).get("/unsubscribe?token=" + flipped).then().statusCode(404)
                .contentType("application/problem+json");
        // the same signature over another tenant's name
        String otherTenant = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("t-other\n" + d.contactId() + "\nEMAIL").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().urlEncodingEnabled(false).post("/unsubscribe?token=" + otherTenant + token.substring(token.indexOf('.')))
                .then().statusCode(404);
        given().get("/unsubscribe?token=not-a-token").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("token"));
        given().get("/unsubscribe").then().statusCode(400);
        assertEquals(0, contact(d).getList("optedOut").size());
        given().auth().oauth2(token(d.tenant(), "viewer")).get("/api/v1/contacts/" + d.contactId()).then()
                .body("optedOut", empty());
    }
}
