package io.tradecredit.credit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.credit.domain.Alert;
import io.tradecredit.credit.domain.Buyer;

/** Worked examples of the message request telling the tenant's credit manager of an alert. */
class AlertRequestTest {
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.UTC);

    static Buyer buyer(Integer grade, boolean blocked) {
        Buyer b = new Buyer();
        b.id = UUID.fromString("7d1c2f0e-0000-4000-8000-000000000001");
        b.tenantId = "acme";
        b.name = "Globex Trading Ltd.";
        b.currency = "CNY";
        b.grade = grade;
        b.blocked = blocked;
        return b;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(OutgoingEvent e) {
        return (Map<String, Object>) e.data();
    }

    @Test
    void aGradeFallIsAnEmailToTheTenantWithTheAlertsFigures() {
        Buyer b = buyer(4, false);
        Alert a = Alert.raise(b, Alert.GRADE_DROP, "grade fell from 2 to 4 (threshold 2): limit cut after overdue", AT);
        OutgoingEvent e = CreditEvents.alertRequest(b, a);

        assertEquals(TopicNames.NOTIFICATION_REQUESTS, e.topic());
        assertEquals("acme", e.tenantId());
        Map<String, Object> body = body(e);
        assertEquals("credit.alert", body.get("templateKey"));
        assertEquals("credit-alert", body.get("purpose"));
        assertEquals("EMAIL", body.get("channel"));
        assertEquals(Map.of("kind", "TENANT"), body.get("recipient"));
        assertEquals(false, body.get("critical"));
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        assertEquals(Map.of("alertId", a.id.toString(), "buyerId", b.id.toString(), "buyerName", "Globex Trading Ltd.",
                "kind", "GRADE_DROP", "message", "grade fell from 2 to 4 (threshold 2): limit cut after overdue",
                "grade", 4, "blocked", false, "raisedAt", "2026-12-07T09:30Z"), data);
    }

    @Test
    void theBuyersLimitAsItStandsIsInTheData() {
        Buyer b = buyer(4, false);
        b.creditLimit = new java.math.BigDecimal("720000.00");
        Map<?, ?> data = (Map<?, ?>) body(CreditEvents.alertRequest(b, Alert.raise(b, Alert.GRADE_DROP,
                "grade fell from 2 to 4 (threshold 2): limit cut from 1000000.00 CNY to 720000.00 CNY", AT))).get("data");
        assertEquals(Map.of("amount", "720000.00", "currency", "CNY"), data.get("limit"));
    }

    @Test
    void theRequestIdIsDerivedFromTheAlertSoARepeatAsksOnce() {
        Buyer b = buyer(4, false);
        Alert a = Alert.raise(b, Alert.GRADE_DROP, "grade fell", AT);
        Object first = body(CreditEvents.alertRequest(b, a)).get("requestId");
        assertEquals(first, body(CreditEvents.alertRequest(b, a)).get("requestId"));
        assertEquals(first, CreditEvents.alertRequest(b, a).aggregateId(), "the Kafka key");
        assertNotEquals(first, body(CreditEvents.alertRequest(b, Alert.raise(b, Alert.GRADE_DROP, "grade fell", AT)))
                .get("requestId"), "another alert, another message");
    }

    @Test
    void aBlockedBuyerIsCriticalAndAnUngradedBuyerHasNoGrade() {
        Buyer b = buyer(null, true);
        Map<String, Object> body = body(CreditEvents.alertRequest(b,
                Alert.raise(b, Alert.BUYER_BLOCKED, "new credit blocked: insolvency filing", AT)));
        assertEquals(true, body.get("critical"));
        Map<?, ?> data = (Map<?, ?>) body.get("data");
        assertFalse(data.containsKey("grade"));
        assertTrue((Boolean) data.get("blocked"));
    }
}
