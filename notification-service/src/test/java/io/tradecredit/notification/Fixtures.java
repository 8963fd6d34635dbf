package io.tradecredit.notification;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.tradecredit.testing.Tokens;

/** Tenants, tokens and contacts for the service's tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String freshTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String tenant, String... roles) {
        return Tokens.tenant(tenant).roles(roles).mint();
    }

    /** Acme's sender identity (Acme AR, its letterhead and signatory), replies going to {@code replyTo}. */
    public static Map<String, Object> acmeSender(String replyTo) {
        return Map.of("fromName", "Acme AR", "fromAddress", "ar@acme.example", "replyTo", replyTo,
                "letterhead", "Acme Trading Co., Ltd.", "signatory", "Zhang San");
    }

    /** Puts the tenant's notification settings (sender identity, send window...) as its admin. */
    public static void settings(String tenant, Map<String, Object> settings) {
        given().auth().oauth2(token(tenant, "tenant-admin")).contentType(ContentType.JSON).body(settings)
                .put("/api/v1/notification-settings").then().statusCode(200);
    }

    /** A contact body: Li Wei of accounts payable, email only, in the given language. */
    public static Map<String, Object> contact(String name, String email, String language) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name);
        c.put("function", "accounts payable");
        c.put("email", email);
        c.put("language", language);
        return c;
    }

    /** Adds a contact to the buyer as a credit manager; returns its id. */
    public static String addContact(String tenant, UUID buyer, Map<String, Object> contact) {
        return given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(contact)
                .post("/api/v1/buyers/" + buyer + "/contacts").then().statusCode(201).extract().path("id");
    }
}
