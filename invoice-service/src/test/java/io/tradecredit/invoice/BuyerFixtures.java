package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Topics;

/** Buyers as credit-service announces them on credit-events, and waiting until invoice-service knows one. */
public final class BuyerFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuyerFixtures() {
    }

    /**
     * Sends {@code buyer-registered} for the buyer as credit-service would (checked against its
     * schema first) with the given event id; returns the event id.
     */
    public static String sendBuyerRegistered(String tenant, UUID buyerId, String eventId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerId", buyerId.toString());
        body.put("name", "Globex Trading Ltd.");
        body.put("country", "CN");
        body.put("registrationNumber", "91440300MA5F0XYZ1K");
        body.put("taxId", "91440300MA5F0XYZ1K");
        body.put("industry", "wholesale");
        body.put("foundedOn", "2012-04-01");
        body.put("currency", "CNY");
        body.put("paymentTermDays", 30);
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "/tradecredit/credit-service", "ce_type", "io.tradecredit.credit.buyer-registered.v1",
                "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString(), "ce_subject", buyerId.toString(),
                "ce_tenantid", tenant, "content-type", "application/json");
        ConsumerRecord<String, String> asSent = new ConsumerRecord<>("credit-events", 0, 0L, buyerId.toString(), json);
        headers.forEach((k, v) -> asSent.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        Contracts.assertValid(asSent);
        Topics.send("credit-events", buyerId.toString(), json, headers);
        return eventId;
    }

    /** Registers the buyer on credit-events and waits until its balance answers (the buyer is known then). */
    public static void registerAndAwait(String tenant, UUID buyerId) {
        sendBuyerRegistered(tenant, buyerId, UUID.randomUUID().toString());
        String token = LedgerFixtures.token(tenant, "viewer");
        Awaitility.await("buyer " + buyerId + " known to invoice-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/buyers/" + buyerId + "/balance").statusCode() == 200);
    }
}
