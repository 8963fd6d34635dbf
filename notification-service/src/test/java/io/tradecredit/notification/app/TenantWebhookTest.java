package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.acmeSender;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.settings;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.limitChangedToTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.testing.HttpStandIn;
import io.tradecredit.testing.TestCertificate;

/**
 * A message to the tenant itself (a changed limit, a claim's deadline warning) reaches its
 * registered HTTPS webhook receiver signed; without an endpoint, or once a receiver we cannot
 * trust refused it, it is an email to the tenant's own mailbox (GreenMail).
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class TenantWebhookTest {
    static final HttpStandIn RECEIVER = HttpStandIn.https(TestCertificate.trusted());
    static final HttpStandIn UNTRUSTED = HttpStandIn.https(TestCertificate.create("untrusted"));
    static final String SECRET = "whsec_acme_0123456789abcdefghij";

    @Inject
    Deliveries deliveries;

    @AfterAll
    static void stop() {
        RECEIVER.close();
        UNTRUSTED.close();
    }

    void deliverAt(Instant at) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(at));
    }

    /** A tenant writing as Acme AR, its own mailbox {@code mailbox}; with its webhook endpoint at {@code url} unless null. */
    static String tenant(String mailbox, String url) {
        String tenant = freshTenant();
        settings(tenant, Map.of("sender", acmeSender(mailbox)));
        if (url != null) {
            given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "secret", SECRET)).put("/api/v1/webhook-endpoint").then().statusCode(200);
        }
        return tenant;
    }

    /** The credit service's "limit changed" to the tenant, asked for by EMAIL as the services do. */
    static UUID limitChanged(String tenant) {
        return limitChangedToTenant(tenant, "EMAIL", true, Map.of("buyer", Map.of("name", "Globex"),
                "effectiveFrom", "2026-12-04", "previousLimit", Map.of("amount", "400000.00", "currency", "CNY"),
                "newLimit", Map.of("amount", "500000.00", "currency", "CNY")));
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aTenantMessageReachesItsHttpsReceiverSignedSoTheReceiverVerifiesIt() throws Throwable {
        String mailbox = "credit-" + UUID.randomUUID() + "@acme.example";
        String tenant = tenant(mailbox, RECEIVER.url("/acme/limits"));
        UUID id = limitChanged(tenant);
        JsonPath queued = message(tenant, id);
        assertEquals("WEBHOOK", queued.getString("channel"));
        assertEquals(RECEIVER.url("/acme/limits"), queued.getString("address"));

        deliverAt(Instant.parse(queued.getString("nextAttemptAt")));

        List<HttpStandIn.Received> got = RECEIVER.at("/acme/limits");
        assertEquals(1, got.size());
        WebhookDeliveryTest.assertVerifies(got.get(0));
        assertEquals(id.toString(), got.get(0).messageId());
        assertEquals("500000.00", new ObjectMapper().readTree(got.get(0).body())
                .at("/data/newLimit/amount").asText());
        assertEquals("SENT", message(tenant, id).getString("status"));
        assertEquals(List.of(), GreenMailResource.to(mailbox));
    }

    @Test
    void withoutAnEndpointItIsAnEmailToTheTenantsMailbox() throws Throwable {
        String mailbox = "credit-" + UUID.randomUUID() + "@acme.example";
        String tenant = tenant(mailbox, null);
        UUID id = limitChanged(tenant);
        JsonPath queued = message(tenant, id);
        assertEquals("EMAIL", queued.getString("channel"));

        deliverAt(Instant.parse(queued.getString("nextAttemptAt")));

        List<MimeMessage> mails = GreenMailResource.to(mailbox);
        assertEquals(1, mails.size());
        // no language asked for: the tenant's mail is in the platform's default language
        assertEquals("Globex的信用额度调整为 500000.00 CNY", mails.get(0).getSubject());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    @Test
    void aReceiverWhoseCertificateWeDoNotTrustFailsTheWebhookForGoodAndTheTenantGetsAnEmail() throws Throwable {
        String mailbox = "credit-" + UUID.randomUUID() + "@acme.example";
        String tenant = tenant(mailbox, UNTRUSTED.url("/acme/limits"));
        UUID id = limitChanged(tenant);

        deliverAt(Instant.parse(message(tenant, id).getString("nextAttemptAt")));

        JsonPath fellBack = message(tenant, id);
        assertEquals("QUEUED", fellBack.getString("status"));
        assertEquals("EMAIL", fellBack.getString("channel"));
        assertEquals(mailbox, fellBack.getString("address"));
        assertTrue(fellBack.getString("reason").startsWith("WEBHOOK refused the message for good on attempt 1: the receiver's"
                + " TLS certificate is not trusted: "), fellBack.getString("reason"));
        assertTrue(fellBack.getString("reason").endsWith("; falling back to EMAIL"), fellBack.getString("reason"));
        assertEquals(List.of(), UNTRUSTED.at("/acme/limits"), "no request crosses a connection we do not trust");

        deliverAt(Instant.parse(fellBack.getString("nextAttemptAt")));

        assertEquals(1, GreenMailResource.to(mailbox).size());
        assertEquals("SENT", message(tenant, id).getString("status"));
    }
}
