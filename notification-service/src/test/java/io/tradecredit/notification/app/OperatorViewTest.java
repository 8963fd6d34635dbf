package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.tradecredit.notification.SmsSinkResource;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

/** What an operator sees: the UNKNOWN messages of every tenant, and the delivery gauges on /q/metrics. */
@QuarkusTest
@QuarkusTestResource(SmsSinkResource.class)
class OperatorViewTest {
    static final String UNKNOWN = "/api/v1/admin/messages/unknown";

    @Inject
    Deliveries deliveries;

    @Inject
    DeliveryMetrics metrics;

    @TestHTTPResource("/api/v1/sms/delivery-reports")
    java.net.URL reports;

    static String operator() {
        return Tokens.noTenant().roles("platform-ops").mint();
    }

    /** An SMS a run claimed and never recorded (the service stopped), found UNKNOWN by the next run. */
    UUID unknownSms(String tenant) throws Throwable {
        UUID id = SmsDeliveryTest.requested(tenant, UUID.randomUUID(), "+86 136 " + (1000 + (int) (Math.random() * 8999)) + " 0000");
        Instant due = Instant.parse(SmsDeliveryTest.message(tenant, id).getString("nextAttemptAt"));
        assertEquals(1, Database.execute("update message set status = 'SENDING', attempts = 1, channel_attempts = 1,"
                + " claimed_at = ? where request_id = ?", java.sql.Timestamp.from(due), id));
        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(due.plus(Duration.ofMinutes(6))));
        assertEquals("UNKNOWN", SmsDeliveryTest.message(tenant, id).getString("status"));
        return id;
    }

    @Test
    void anOperatorListsEveryTenantsUnknownMessagesAndAProvidersReportSettlesOne() throws Throwable {
        String tenant = freshTenant();
        UUID id = unknownSms(tenant);

        given().auth().oauth2(operator()).queryParam("size", 100).get(UNKNOWN).then().statusCode(200)
                .body("items.requestId", hasItem(id.toString()), "items.tenantId", hasItem(tenant),
                        "items.channel", hasItem("SMS"));
        given().auth().oauth2(token(tenant, "tenant-admin")).get(UNKNOWN).then().statusCode(403);
        given().auth().oauth2(token(tenant, "platform-ops")).get(UNKNOWN).then().statusCode(403);

        SmsSinkResource.SINK.reportTo(reports.toString());
        assertEquals(200, SmsSinkResource.SINK.report(id.toString(), "DELIVERED", null));
        assertEquals("DELIVERED", SmsDeliveryTest.message(tenant, id).getString("status"));
        given().auth().oauth2(operator()).queryParam("size", 100).get(UNKNOWN).then().statusCode(200)
                .body("items.requestId", not(hasItem(id.toString())));
    }

    @Test
    void theGaugesShowHowLongTheOldestDueMessageWaitsAndTheUnknownOnesPerChannel() throws Throwable {
        String tenant = freshTenant();
        unknownSms(tenant);
        UUID waiting = SmsDeliveryTest.requested(tenant, UUID.randomUUID(), "+86 135 0000 " + (1000 + (int) (Math.random() * 8999)));
        Instant due = Instant.parse(SmsDeliveryTest.message(tenant, waiting).getString("nextAttemptAt"));

        VertxContextSupport.subscribeAndAwait(() -> metrics.refresh(due.plus(Duration.ofHours(1))));

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(gauge(scrape, "notification_messages_oldest_due_seconds", "SMS") >= 3600, scrape);
        assertTrue(gauge(scrape, "notification_messages_due", "SMS") >= 1);
        assertTrue(gauge(scrape, "notification_messages_unknown", "SMS") >= 1);
        assertEquals(0, gauge(scrape, "notification_messages_unknown", "WEBHOOK"));
    }

    static double gauge(String scrape, String name, String channel) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{channel=\"" + channel + "\"[^}]*\\} ([0-9.E+-]+)$").matcher(scrape);
        assertTrue(m.find(), name + " for " + channel + " in\n" + scrape);
        return Double.parseDouble(m.group(1));
    }
}
