package io.tradecredit.common.time;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tradecredit.testing.Tokens;

/**
 * At 01:00 on 22 November in Shanghai (17:00 on the 21st in UTC) the service's today is the 22nd: the job door
 * runs a date left out for the 22nd and does not refuse the 22nd as "after today".
 */
@QuarkusTest
@TestProfile(BusinessTimeZoneWiringTest.OneInTheMorningInShanghai.class)
class BusinessTimeZoneWiringTest {
    static final String OPS = Tokens.noTenant().roles("platform-ops").mint();

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

    @Inject
    BusinessTimeZone businessZone;

    @Test
    void todayIsShanghaisDate() {
        assertEquals(LocalDate.of(2026, 11, 22), businessZone.today());
    }

    @Test
    void aJobRunForNoDateRunsForTheBusinessDay() {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup")
                .then().statusCode(200).body("asOf", equalTo("2026-11-22"));
    }

    @Test
    void theBusinessDayIsNotAfterTodayButTheNextIs() {
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2026-11-22")
                .then().statusCode(200).body("asOf", equalTo("2026-11-22"));
        given().auth().oauth2(OPS).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2026-11-23")
                .then().statusCode(422).body("errors[0].message", containsString("after today (2026-11-22)"));
    }
}
