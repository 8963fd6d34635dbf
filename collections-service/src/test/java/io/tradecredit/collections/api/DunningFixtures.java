package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Tokens;

/** Tenants of their own, tokens, and request bodies for the dunning policy API tests. */
final class DunningFixtures {
    private DunningFixtures() {
    }

    static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    /** Today as the service's clock (UTC) sees it. */
    static LocalDate today() {
        return PlatformZone.today();
    }

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    static Map<String, Object> message(String template, String... channels) {
        return Map.of("kind", "MESSAGE", "channels", List.of(channels), "key", template);
    }

    static Map<String, Object> work(String kind, String key) {
        return Map.of("kind", kind, "key", key);
    }

    static Map<String, Object> step(String key, int offset, Map<String, Object> action) {
        return Map.of("key", key, "offsetDays", offset, "actions", List.of(action));
    }

    /** A short ladder for big buyers: a reminder on the due date, a call at +2, an agency at +30. */
    static Map<String, Object> ladder(LocalDate effectiveFrom) {
        Map<String, Object> body = new HashMap<>();
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom.toString());
        }
        body.put("steps", List.of(step("due-reminder", 0, message("dunning.payment-request", "EMAIL", "SMS")),
                Map.of("key", "call", "offsetDays", 2, "actions", List.of(work("COLLECTOR_TASK", "task.call")),
                        "minimumAmount", List.of(money("5000.00", "CNY"))),
                step("agency", 30, work("AGENCY_HANDOFF", "agency.hand-off"))));
        return body;
    }
}
