package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static io.tradecredit.notification.Requests.dunningData;
import static io.tradecredit.notification.Requests.request;
import static io.tradecredit.notification.Requests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.HttpStandIn;
import io.tradecredit.notification.SmsProviderResource;
import io.tradecredit.testing.Database;

/** Requests on SMS become POSTs to a provider's HTTP API (a stand-in recording what it received). */
@QuarkusTest
@QuarkusTestResource(SmsProviderResource.class)
class SmsDeliveryTest {
    @Inject
    Deliveries deliveries;

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** A buyer's contact with {@code mobile} (null: email only), and an SMS reminder requested for it. */
    static UUID requested(String tenant, UUID buyer, String mobile) {
        Map<String, Object> c = new java.util.HashMap<>(contact("Li Wei", "li-" + buyer + "@globex.example", "en"));
        if (mobile != null) {
            c.put("mobile", mobile);
        }
        addContact(tenant, buyer, c);
        UUID id = UUID.randomUUID();
        send(tenant, request(id, buyer, "dunning.reminder", "SMS", true, dunningData(buyer)));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        return id;
    }

    @Test
    void anSmsIsPostedToTheProviderWithTheMobileTheTextAndTheCredentials() throws Throwable {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String mobile = "+86 138 " + (1000 + (int) (Math.random() * 8999)) + " " + (1000 + (int) (Math.random() * 8999));
        UUID id = requested(tenant, buyer, mobile);
        Instant due = Instant.parse(message(tenant, id).getString("nextAttemptAt"));

        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due));

        HttpStandIn.Received r = SmsProviderResource.PROVIDER.at(SmsProviderResource.PATH).stream()
                .filter(x -> x.body().contains(id.toString())).findFirst().orElseThrow();
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals(mobile, body.get("to").asText());
        assertEquals(id.toString(), body.get("reference").asText());
        assertEquals("Tradecredit", body.get("from").asText());
        JsonPath m = message(tenant, id);
        assertEquals(m.getString("text").strip(), body.get("text").asText());
        assertTrue(body.get("text").asText().contains("Please arrange payment"), body.get("text").asText());
        assertEquals("application/json", r.contentType());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("tradecredit:s3cret".getBytes(StandardCharsets.UTF_8)),
                r.authorization());
        assertEquals("SENT", m.getString("status"));
        assertEquals(mobile, m.getString("address"));
    }

    @Test
    void aContactWithoutAMobileFailsTheSmsSayingSo() {
        String tenant = freshTenant();
        UUID id = requested(tenant, UUID.randomUUID(), null);
        JsonPath m = message(tenant, id);
        assertEquals("FAILED", m.getString("status"));
        assertEquals("no usable contact on SMS: no contact has an address", m.getString("reason"));
    }
}
