package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;


import io.tradecredit.testing.Topics;

/** Buyers as credit-service announces them on credit-events, and waiting until invoice-service knows one. */
public final class BuyerFixtures {

    private BuyerFixtures() {
    }

    /**
     * Sends {@code buyer-registered} for the buyer as credit-service would (checked against its
     * schema first) with the given event id; returns the event id.
     */
    public static String sendBuyerRegistered(String tenant, UUID buyerId, String eventId) {
        return sendBuyerRegistered(tenant, buyerId, eventId, 30, null);
    }

    /** The same with the buyer's term and, when not null, the first-order term credit-service announces. */
    public static String sendBuyerRegistered(String tenant, UUID buyerId, String eventId, int termDays,
            Integer firstOrderTermDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerId", buyerId.toString());
        body.put("name", "Globex Trading Ltd.");
        body.put("country", "CN");
        body.put("registrationNumber", "91440300MA5F0XYZ1K");
        body.put("taxId", "91440300MA5F0XYZ1K");
        body.put("industry", "wholesale");
        body.put("foundedOn", "2012-04-01");
        body.put("currency", "CNY");
        body.put("paymentTermDays", termDays);
        if (firstOrderTermDays != null) {
            body.put("firstOrderTermDays", firstOrderTermDays);
        }
        return Topics.sendEvent("credit-events", tenant, "credit", "buyer-registered", buyerId.toString(), eventId,
                body);
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
