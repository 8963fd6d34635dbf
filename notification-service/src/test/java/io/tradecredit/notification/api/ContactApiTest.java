package io.tradecredit.notification.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.notification.Fixtures.addContact;
import static io.tradecredit.notification.Fixtures.contact;
import static io.tradecredit.notification.Fixtures.freshTenant;
import static io.tradecredit.notification.Fixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Contracts;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

@QuarkusTest
class ContactApiTest {

    @Test
    void aContactIsEnteredListedEditedAndOptsOutOfAChannel() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String manager = token(tenant, "credit-manager");
        Map<String, Object> li = contact("Li Wei", "li@buyer.example", "zh-CN");
        li.put("mobile", "+86 138 0000 0000");
        li.put("postalAddress", "1 Nanjing Road, Shanghai");
        String id = given().auth().oauth2(manager).contentType(ContentType.JSON).body(li)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(201)
                .body("buyerId", equalTo(buyer.toString()), "name", equalTo("Li Wei"),
                        "function", equalTo("accounts payable"), "email", equalTo("li@buyer.example"),
                        "mobile", equalTo("+86 138 0000 0000"), "language", equalTo("zh-CN"),
                        "timeZone", equalTo("Asia/Shanghai"), "optedOut", empty())
                .extract().path("id");
        String anna = addContact(tenant, buyer, contact("Anna Berg", "anna@buyer.example", "en"));

        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(200)
                .body("total", equalTo(2), "items.id", contains(id, anna));

        given().auth().oauth2(manager).put("/api/v1/contacts/" + id + "/opt-outs/EMAIL").then().statusCode(200)
                .body("optedOut", contains("EMAIL"));
        given().auth().oauth2(manager).put("/api/v1/contacts/" + id + "/opt-outs/SMS").then().statusCode(200)
                .body("optedOut", containsInAnyOrder("EMAIL", "SMS"));
        given().auth().oauth2(manager).delete("/api/v1/contacts/" + id + "/opt-outs/SMS").then().statusCode(200)
                .body("optedOut", contains("EMAIL"));

        Map<String, Object> edited = contact("Li Wei", "li.wei@buyer.example", "en");
        edited.put("timeZone", "Europe/Berlin");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(edited).put("/api/v1/contacts/" + id)
                .then().statusCode(200).body("email", equalTo("li.wei@buyer.example"), "language", equalTo("en"),
                        "timeZone", equalTo("Europe/Berlin"), "optedOut", contains("EMAIL"), "mobile", equalTo(null));
        given().auth().oauth2(viewer).get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("email", equalTo("li.wei@buyer.example"), "optedOut", contains("EMAIL"));
    }

    @Test
    void enteringOrChangingAContactPublishesContactChangedKeyedByTheBuyer() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String manager = token(tenant, "credit-manager");
        Map<String, Object> li = contact("Li Wei", "li@buyer.example", "zh-CN");
        li.put("postalAddress", "1 Nanjing Road, Shanghai");
        String id = addContact(tenant, buyer, li);
        Map<String, Object> edited = contact("Li Wei", "li.wei@buyer.example", "zh-CN");
        edited.put("mobile", "+86 138 0000 0000");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(edited).put("/api/v1/contacts/" + id)
                .then().statusCode(200);
        // an opt-out changes nothing another service is told
        given().auth().oauth2(manager).put("/api/v1/contacts/" + id + "/opt-outs/EMAIL").then().statusCode(200);

        String type = "io.tradecredit.notification.contact-changed.v1";
        Predicate<ConsumerRecord<String, String>> mine = r -> buyer.toString().equals(r.key())
                && type.equals(Topics.header(r, "ce_type"));
        List<ConsumerRecord<String, String>> records = Topics.read("notification-status", Duration.ofSeconds(20),
                rs -> rs.stream().filter(mine).count() >= 2).stream().filter(mine).toList();
        assertEquals(2, records.size());
        assertEquals(tenant, Topics.header(records.get(0), "ce_tenantid"));
        List<JsonNode> changes = records.stream().map(Contracts::assertValid).toList();
        assertEquals(List.of("li@buyer.example", "li.wei@buyer.example"),
                changes.stream().map(c -> c.get("email").asText()).toList());
        JsonNode last = changes.get(1);
        assertEquals(id, last.get("contactId").asText());
        assertEquals("Li Wei", last.get("name").asText());
        assertEquals("accounts payable", last.get("function").asText());
        assertEquals("+86 138 0000 0000", last.get("mobile").asText());
        assertEquals("zh-CN", last.get("language").asText());
        assertEquals(false, last.has("postalAddress"), "the postal address is for sending, not published");
    }

    @Test
    void aRemovedContactIsGoneWithItsOptOutsAndRemovingItAgainAnswers404() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String manager = token(tenant, "credit-manager");
        String li = addContact(tenant, buyer, contact("Li Wei", "li@buyer.example", "zh-CN"));
        String anna = addContact(tenant, buyer, contact("Anna Berg", "anna@buyer.example", "en"));
        given().auth().oauth2(manager).put("/api/v1/contacts/" + li + "/opt-outs/EMAIL").then().statusCode(200);

        given().auth().oauth2(token(tenant, "tenant-admin")).delete("/api/v1/contacts/" + li).then().statusCode(204);

        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get("/api/v1/contacts/" + li).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(200)
                .body("total", equalTo(1), "items.id", contains(anna));
        assertEquals(0, Database.count("select count(*) from contact where id = ?::uuid", li), "the row and its opt-outs");
        given().auth().oauth2(manager).delete("/api/v1/contacts/" + li).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("contact.not-found"));
        given().auth().oauth2(manager).put("/api/v1/contacts/" + li + "/opt-outs/EMAIL").then().statusCode(404);
    }

    @Test
    void removingAContactPublishesContactRemovedKeyedByTheBuyerAfterItsChanges() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String id = addContact(tenant, buyer, contact("Li Wei", "li@buyer.example", "zh-CN"));
        given().auth().oauth2(token(tenant, "credit-manager")).delete("/api/v1/contacts/" + id).then().statusCode(204);

        Predicate<ConsumerRecord<String, String>> mine = r -> buyer.toString().equals(r.key())
                && Topics.header(r, "ce_type").startsWith("io.tradecredit.notification.contact-");
        List<ConsumerRecord<String, String>> records = Topics.read("notification-status", Duration.ofSeconds(20),
                rs -> rs.stream().filter(mine).count() >= 2).stream().filter(mine).toList();
        assertEquals(List.of("io.tradecredit.notification.contact-changed.v1", "io.tradecredit.notification.contact-removed.v1"),
                records.stream().map(r -> Topics.header(r, "ce_type")).toList());
        JsonNode removed = Contracts.assertValid(records.get(1));
        assertEquals(tenant, Topics.header(records.get(1), "ce_tenantid"));
        assertEquals(id, removed.get("contactId").asText());
        assertEquals(buyer.toString(), removed.get("buyerId").asText());
        assertEquals(true, removed.hasNonNull("removedAt"));
    }

    @Test
    void aBadContactIsRefusedNamingEveryFieldAndNothingIsStored() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        Map<String, Object> bad = contact(" ", "not-an-address", "de");
        bad.put("timeZone", "Mars/Olympus");
        bad.put("mobile", "call me");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "email", "mobile", "language", "timeZone"));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                Database.count("select count(*) from contact where tenant_id = ?", tenant));
    }

    /** A name sent as a list could not be read and was named alone, hiding the bad email and language beside it. */
    @Test
    void aFieldThatCannotBeReadIsNamedWithTheOtherWrongFields() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        Map<String, Object> bad = contact("Li Wei", "not-an-address", "de");
        bad.put("name", java.util.List.of("Li", "Wei"));
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "email", "language"));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                Database.count("select count(*) from contact where tenant_id = ?", tenant));
    }

    @Test
    void aNameTooLongIsNamedWithTheOtherWrongFields() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        Map<String, Object> bad = contact("L".repeat(201), "not-an-address", "de");
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(bad)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "email", "language"));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                Database.count("select count(*) from contact where tenant_id = ?", tenant));
    }

    @Test
    void anUnknownChannelIsRefusedNamingIt() {
        String tenant = freshTenant();
        String id = addContact(tenant, UUID.randomUUID(), contact("Li", "li@b.example", "en"));
        given().auth().oauth2(token(tenant, "credit-manager")).put("/api/v1/contacts/" + id + "/opt-outs/FAX")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("channel"));
    }

    @Test
    void anotherTenantsContactAnswers404() {
        String id = addContact(freshTenant(), UUID.randomUUID(), contact("Li", "li@b.example", "en"));
        String other = freshTenant();
        given().auth().oauth2(token(other, "viewer")).get("/api/v1/contacts/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(other, "credit-manager")).put("/api/v1/contacts/" + id + "/opt-outs/EMAIL")
                .then().statusCode(404);
        given().auth().oauth2(token(other, "credit-manager")).contentType(ContentType.JSON)
                .body(contact("Mallory", "m@evil.example", "en")).put("/api/v1/contacts/" + id).then().statusCode(404);
        given().auth().oauth2(token(other, "tenant-admin")).delete("/api/v1/contacts/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(1, Database.count("select count(*) from contact where id = ?::uuid", id), "still there");
    }

    @Test
    void readersReadAndOnlyAdminsAndCreditManagersWrite() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        for (String role : new String[] {"viewer", "collector", "finance"}) {
            given().auth().oauth2(token(tenant, role)).contentType(ContentType.JSON)
                    .body(contact("Li", "li@b.example", "en")).post("/api/v1/buyers/" + buyer + "/contacts")
                    .then().statusCode(403);
        }
        addContact(tenant, buyer, contact("Li", "li@b.example", "en"));
        given().auth().oauth2(token(tenant, "collector")).get("/api/v1/buyers/" + buyer + "/contacts").then()
                .statusCode(200).body("total", equalTo(1));
        given().get("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(401);
        String id = addContact(tenant, buyer, contact("Anna", "anna@b.example", "en"));
        for (String role : new String[] {"viewer", "collector", "finance"}) {
            given().auth().oauth2(token(tenant, role)).delete("/api/v1/contacts/" + id).then().statusCode(403);
        }
        given().delete("/api/v1/contacts/" + id).then().statusCode(401);
        given().auth().oauth2(token(tenant, "viewer")).get("/api/v1/contacts/" + id).then().statusCode(200);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyEntersOneContact() {
        String tenant = freshTenant();
        UUID buyer = UUID.randomUUID();
        String manager = token(tenant, "credit-manager");
        Map<String, Object> li = contact("Li Wei", "li@buyer.example", "zh-CN");
        String first = given().auth().oauth2(manager).header("Idempotency-Key", "contact-1").contentType(ContentType.JSON)
                .body(li).post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(manager).header("Idempotency-Key", "contact-1").contentType(ContentType.JSON).body(li)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(201).body("id", equalTo(first))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/contacts/" + first));
        given().auth().oauth2(manager).get("/api/v1/buyers/" + buyer + "/contacts").then().body("total", equalTo(1));
    }
}
