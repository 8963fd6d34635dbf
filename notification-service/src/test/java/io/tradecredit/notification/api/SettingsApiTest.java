package io.tradecredit.notification.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SettingsApiTest {
    static final String SETTINGS = "/api/v1/notification-settings";

    @Test
    void aNewTenantHasTheDefaultsNineToSixOnWeekdays() {
        given().auth().oauth2(token(freshTenant(), "viewer")).get(SETTINGS).then().statusCode(200)
                .body("sender", nullValue(), "channelOrder", contains("EMAIL", "SMS", "LETTER"),
                        "sendWindow.opens", equalTo("09:00:00"), "sendWindow.closes", equalTo("18:00:00"),
                        "sendWindow.days", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    }

    @Test
    void aTenantSetsItsSenderOrderAndWindowAndOnlyItSeesThem() {
        String tenant = freshTenant();
        Map<String, Object> body = Map.of(
                "sender", Map.of("fromName", "Acme AR", "fromAddress", "ar@acme.example", "replyTo",
                        "collections@acme.example", "letterhead", "Acme Trading Co., Ltd.\n1 Bund, Shanghai",
                        "signatory", "Zhang San, Finance Department", "contact", Map.of("name", "Wang Fang",
                                "phone", "+86 21 5888 1234", "email", "wang.fang@acme.example")),
                "channelOrder", List.of("EMAIL", "LETTER"),
                "sendWindow", Map.of("opens", "08:30", "closes", "17:00", "days", List.of("MONDAY", "SATURDAY")));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(body).put(SETTINGS)
                .then().statusCode(200).body("sender.fromAddress", equalTo("ar@acme.example"));
        given().auth().oauth2(token(tenant, "finance")).get(SETTINGS).then().statusCode(200)
                .body("sender.fromName", equalTo("Acme AR"), "sender.replyTo", equalTo("collections@acme.example"),
                        "sender.signatory", equalTo("Zhang San, Finance Department"),
                        "sender.contact.name", equalTo("Wang Fang"), "sender.contact.phone", equalTo("+86 21 5888 1234"),
                        "sender.contact.email", equalTo("wang.fang@acme.example"),
                        "channelOrder", contains("EMAIL", "LETTER"), "sendWindow.opens", equalTo("08:30:00"),
                        "sendWindow.days", contains("MONDAY", "SATURDAY"));
        given().auth().oauth2(token(freshTenant(), "viewer")).get(SETTINGS).then().body("sender", nullValue());
    }

    @Test
    void badSettingsAreRefusedNamingEveryFieldAndChangeNothing() {
        String tenant = freshTenant();
        Map<String, Object> body = Map.of(
                "sender", Map.of("fromName", "", "fromAddress", "nope", "signatory", "", "contact",
                        Map.of("phone", "call me", "email", "wang@")),
                "channelOrder", List.of("EMAIL", "EMAIL"),
                "sendWindow", Map.of("opens", "18:00", "closes", "09:00", "days", List.of()));
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(body).put(SETTINGS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("sender.fromName", "sender.fromAddress", "sender.signatory",
                        "sender.contact.email", "sender.contact.phone", "channelOrder", "sendWindow.closes",
                        "sendWindow.days"));
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("channelOrder",
                contains("EMAIL", "SMS", "LETTER"));
    }

    /**
     * A time that cannot be read ("9am") or a day or channel that is none ("FUNDAY", "FAX") was named alone: the tenant
     * fixed it, sent the settings again and only then learnt that its From address and language were wrong too. Now one
     * 400 names every unreadable value with every field the rules refuse, and nothing changes.
     */
    @Test
    void anUnreadableTimeDayOrChannelIsNamedWithEveryOtherWrongField() {
        String tenant = freshTenant();
        Map<String, Object> body = Map.of(
                "sender", Map.of("fromName", "", "fromAddress", "nope", "signatory", "Zhang San"),
                "channelOrder", List.of("EMAIL", "FAX", "EMAIL"),
                "sendWindow", Map.of("opens", "9am", "closes", "18:00", "days", List.of("MONDAY", "FUNDAY")),
                "language", "de", "timeZone", "Mars/Olympus");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(body).put(SETTINGS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("sender.fromName", "sender.fromAddress", "channelOrder",
                        "channelOrder[1]", "sendWindow.opens", "sendWindow.days[1]", "language", "timeZone"))
                // what was sent and what a time looks like (before: "cannot read '9am' as an object")
                .body("errors.find { it.field == 'sendWindow.opens' }.message", equalTo("cannot read '9am' as a time like 09:00"));
        // an unreadable value alone among good ones: named, and nothing else is
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("channelOrder", List.of("FAX"), "sendWindow", Map.of("opens", "09:00", "closes", "18:00",
                        "days", List.of("FUNDAY"))))
                .put(SETTINGS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("channelOrder[0]", "sendWindow.days[0]"));
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("sender", nullValue(),
                "channelOrder", contains("EMAIL", "SMS", "LETTER"), "language", equalTo("zh-CN"));
    }

    /**
     * No producer sends a languageHint: a contact entered without a language got every message in Chinese. A tenant
     * whose buyers read English says so once; a contact's own language still wins.
     */
    @Test
    void aTenantsLanguageWritesToContactsWithoutOneAndABadOneIsNamedWithTheOtherFields() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("language", equalTo("zh-CN"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("channelOrder", List.of("EMAIL", "EMAIL"), "language", "de")).put(SETTINGS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("channelOrder", "language"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("language", "en")).put(SETTINGS).then().statusCode(200).body("language", equalTo("en"));
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("language", equalTo("en"));

        java.util.UUID buyer = java.util.UUID.randomUUID();
        io.tradecredit.notification.Fixtures.addContact(tenant, buyer,
                io.tradecredit.notification.Fixtures.contact("Anna Berg", "anna@globex.example", null));
        io.tradecredit.notification.Fixtures.addContact(tenant, buyer,
                io.tradecredit.notification.Fixtures.contact("Li Wei", "li@globex.example", "zh-CN"));
        java.util.UUID toAnna = java.util.UUID.randomUUID();
        io.tradecredit.notification.Requests.send(tenant, io.tradecredit.notification.Requests.request(toAnna, buyer,
                "dunning.friendly-reminder", "EMAIL", false, io.tradecredit.notification.Requests.dunningData(buyer)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> io.tradecredit.testing.Database
                .count("select count(*) from message where request_id = ?", toAnna) == 1);
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + toAnna).then().statusCode(200)
                .body("address", equalTo("anna@globex.example"), "language", equalTo("en"),
                        "subject", org.hamcrest.Matchers.startsWith("Friendly reminder"));
    }

    /**
     * Every contact entered without a time zone was in Asia/Shanghai: a tenant whose buyers are in Berlin had their
     * reminders go out from 09:00 Shanghai time, 02:00 in Berlin (01:00 in winter). The tenant's time zone now is
     * theirs, and the message waits for 09:00 in Berlin.
     */
    @Test
    void aTenantsTimeZoneIsThatOfItsContactsEnteredWithoutOneAndTheirWindowOpensThere() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "viewer")).get(SETTINGS).then().body("timeZone", equalTo("Asia/Shanghai"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Mars/Olympus", "language", "de")).put(SETTINGS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("timeZone", "language"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Europe/Berlin", "language", "en")).put(SETTINGS).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"));

        java.util.UUID buyer = java.util.UUID.randomUUID();
        String anna = io.tradecredit.notification.Fixtures.addContact(tenant, buyer,
                io.tradecredit.notification.Fixtures.contact("Anna Berg", "anna@globex.example", null));
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/contacts/" + anna).then()
                .body("timeZone", equalTo("Europe/Berlin"));
        java.util.UUID id = java.util.UUID.randomUUID();
        io.tradecredit.notification.Requests.send(tenant, io.tradecredit.notification.Requests.request(id, buyer,
                "dunning.friendly-reminder", "EMAIL", false, io.tradecredit.notification.Requests.dunningData(buyer)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> io.tradecredit.testing.Database
                .count("select count(*) from message where request_id = ?", id) == 1);
        io.restassured.path.json.JsonPath m = given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/messages/" + id)
                .then().statusCode(200).extract().jsonPath();
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        org.junit.jupiter.api.Assertions.assertEquals(
                io.tradecredit.notification.domain.SendWindow.DEFAULT.nextOpening(java.time.Instant.parse(m.getString("requestedAt")), berlin),
                java.time.Instant.parse(m.getString("nextAttemptAt")));

        // replaced without a time zone, a contact takes the tenant's too
        Map<String, Object> li = io.tradecredit.notification.Fixtures.contact("Li Wei", "li@globex.example", "zh-CN");
        li.put("timeZone", "Asia/Shanghai");
        String liId = io.tradecredit.notification.Fixtures.addContact(tenant, buyer, li);
        li.remove("timeZone");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(li)
                .put("/api/v1/contacts/" + liId).then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void anUnknownChannelInTheOrderIsRefusedNamingIt() {
        given().auth().oauth2(token(freshTenant(), "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("channelOrder", List.of("EMAIL", "FAX"))).put(SETTINGS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("channelOrder[1]"));
    }

    @Test
    void aViewerCannotChangeSettings() {
        given().auth().oauth2(token(freshTenant(), "viewer")).contentType(ContentType.JSON)
                .body(Map.of("channelOrder", List.of("LETTER"))).put(SETTINGS).then().statusCode(403);
    }
}
