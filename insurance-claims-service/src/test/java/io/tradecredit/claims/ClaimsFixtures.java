package io.tradecredit.claims;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Tokens;

/** Tenants of their own, tokens and request bodies for the claims service's API tests. */
public final class ClaimsFixtures {
    public static final String POLICIES = "/api/v1/insurance/policies";

    private ClaimsFixtures() {
    }

    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    public static LocalDate today() {
        return PlatformZone.today();
    }

    public static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    /** A policy with Sinosure-like terms: 90 % insured, no deductible, MEP 60 days. */
    public static Map<String, Object> policy(String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("insurer", "China Export & Credit Insurance");
        body.put("policyNumber", number);
        body.put("currency", "CNY");
        body.put("insuredPercent", "90");
        body.put("deductible", Map.of("kind", "NONE"));
        body.put("maximumExtensionDays", 60);
        body.put("notificationDays", 0);
        body.put("claimFilingDays", 120);
        body.put("waitingPeriodDays", 90);
        body.put("collectorName", "Huaxin Recovery");
        body.put("transferDays", 30);
        return body;
    }
}
