package io.tradecredit.notification.app;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.acmeSender;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.settings;
import static io.tradecredit.notification.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.tradecredit.notification.GreenMailResource;
import io.tradecredit.notification.Requests;
import io.tradecredit.testing.Database;

/**
 * credit-service's {@code credit.alert} request to the tenant (a buyer blocked on an insolvency filing) read from the
 * real notification-requests topic reaches the tenant's own mailbox (its sender identity's reply-to; no webhook
 * registered) as the default template's email, with the alert's figures (GreenMail).
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class CreditAlertDeliveryTest {
    @Inject
    Deliveries deliveries;

    @Test
    void aCreditAlertToTheTenantIsAnEmailInItsMailbox() throws Throwable {
        String mailbox = "credit-" + UUID.randomUUID() + "@acme.example";
        String tenant = freshTenant();
        settings(tenant, Map.of("sender", acmeSender(mailbox)));
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", UUID.randomUUID().toString());
        data.put("buyerId", "7d1c2f0e-0000-4000-8000-000000000001");
        data.put("buyerName", "Globex");
        data.put("kind", "BUYER_BLOCKED");
        data.put("message", "new credit blocked: insolvency filing reported by Shenzhen Intermediate Court on 2026-12-07");
        data.put("grade", 4);
        data.put("blocked", true);
        data.put("raisedAt", "2026-12-07T10:36:46Z");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", id.toString());
        body.put("purpose", "credit-alert");
        body.put("templateKey", "credit.alert");
        body.put("channel", "EMAIL");
        body.put("recipient", Map.of("kind", "TENANT"));
        body.put("critical", true);
        body.put("data", data);
        Requests.send(tenant, body);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from message where request_id = ?", id) == 1);
        JsonPath queued = message(tenant, id);
        assertEquals("EMAIL", queued.getString("channel"));
        assertEquals(mailbox, queued.getString("address"));

        VertxContextSupport.subscribeAndAwait(() -> deliveries.deliverDue(Instant.parse(queued.getString("nextAttemptAt"))));

        List<MimeMessage> mails = GreenMailResource.to(mailbox);
        assertEquals(1, mails.size());
        // no language asked for: the tenant's mail is in the platform's default language
        assertEquals("信用预警：Globex已冻结新增赊销", mails.get(0).getSubject());
        String text = ((Multipart) mails.get(0).getContent()).getBodyPart(0).getContent().toString().replace("\r\n", "\n");
        assertTrue(text.contains("已冻结对Globex的新增赊销：信用额度为 0"), text);
        assertTrue(text.contains("详情：new credit blocked: insolvency filing reported by Shenzhen Intermediate Court on"
                + " 2026-12-07\n"), text);
        assertTrue(text.contains("当前信用等级：4"), text);
        assertEquals("SENT", message(tenant, id).getString("status"));
    }

    static JsonPath message(String tenant, UUID id) {
        return given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
