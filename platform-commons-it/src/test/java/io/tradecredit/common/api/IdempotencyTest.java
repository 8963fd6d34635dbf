package io.tradecredit.common.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Tokens;

@QuarkusTest
class IdempotencyTest {
    static final String ADMIN = Tokens.tenant("acme").roles("tenant-admin").mint();

    @Test
    void retryWithTheSameKeyGetsTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key.substring(0, 8);
        String first = post(key, name).then().statusCode(201).extract().path("id");
        post(key, name).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/widgets/" + first));
        assertEquals(1, Database.count("select count(*) from widget where name = ?", name));
        assertEquals(1, Database.count("select count(*) from outbox where payload like ?", "%" + name + "%"));
    }

    @Test
    void sameKeyWithAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, "first-" + key.substring(0, 8)).then().statusCode(201);
        post(key, "other-" + key.substring(0, 8)).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void concurrentRetriesCreateOnce() {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key.substring(0, 8);
        List<CompletableFuture<String>> calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> post(key, name).then().statusCode(201).extract().<String>path("id"))).toList();
        List<String> ids = calls.stream().map(CompletableFuture::join).distinct().toList();
        assertEquals(1, ids.size(), "every caller sees the same widget");
        assertEquals(1, Database.count("select count(*) from widget where name = ?", name));
    }

    @Test
    void aFailedFirstCallDoesNotBurnTheKey() {
        String key = UUID.randomUUID().toString();
        String name = "fail-" + key.substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .queryParam("failAfterEvent", true).body("{\"name\":\"" + name + "\",\"quantity\":1}")
                .post("/api/v1/widgets").then().statusCode(409);
        post(key, name).then().statusCode(201);
        assertEquals(1, Database.count("select count(*) from widget where name = ?", name));
    }

    static io.restassured.response.Response post(String key, String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\",\"quantity\":2}").post("/api/v1/widgets");
    }
}
