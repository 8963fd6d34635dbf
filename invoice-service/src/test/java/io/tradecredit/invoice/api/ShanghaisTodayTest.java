package io.tradecredit.invoice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradecredit.invoice.LedgerFixtures;

/**
 * At 01:00 on 22 November in Shanghai (17:00 UTC on the 21st) a Chinese seller's invoice dated that day is issued
 * and reads as issued; reports without {@code asOf} are as of the 22nd. With UTC's date the invoice answered 404
 * "not yet issued" until 08:00 and the reports were a day behind.
 */
@QuarkusTest
@TestProfile(ShanghaisTodayTest.OneInTheMorningInShanghai.class)
class ShanghaisTodayTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    public static class OneInTheMorningInShanghai implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    @Alternative
    @Singleton
    public static class FixedClock {
        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-21T17:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Test
    void anInvoiceDatedTodayInShanghaiReadsAsIssuedAndReportsAreAsOfThatDay() {
        String tenant = LedgerFixtures.freshTenant();
        String id = LedgerFixtures.issue(tenant, UUID.randomUUID(), TODAY, TODAY.plusDays(30), "1000.00");
        given().auth().oauth2(LedgerFixtures.token(tenant, "viewer")).get("/api/v1/invoices/" + id)
                .then().statusCode(200).body("issueDate", equalTo("2026-11-22"), "asOf", equalTo("2026-11-22"),
                        "amounts.open.amount", equalTo("1000.00"), "daysPastDue", equalTo(0));
        given().auth().oauth2(LedgerFixtures.token(tenant, "viewer")).get("/api/v1/reports/aging")
                .then().statusCode(200).body("asOf", equalTo("2026-11-22"));
    }
}
