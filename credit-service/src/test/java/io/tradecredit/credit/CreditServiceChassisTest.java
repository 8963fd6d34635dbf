package io.tradecredit.credit;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside credit-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
class CreditServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "credit-service";
    }

    /** Registering a buyer (201) and setting its limit (200) answer money: both must match the description. */
    @Override
    public List<DocumentedCall> callsAnsweringMoney() {
        String buyerId = CreditFixtures.register(CreditFixtures.MANAGER_ACME, CreditFixtures.buyer());
        return List.of(
                new DocumentedCall("POST", "/api/v1/buyers", () -> given().auth().oauth2(CreditFixtures.MANAGER_ACME)
                        .contentType(ContentType.JSON).body(CreditFixtures.buyer()).post("/api/v1/buyers")),
                new DocumentedCall("PUT", "/api/v1/buyers/{id}/credit-limit", () -> given().auth()
                        .oauth2(CreditFixtures.MANAGER_ACME).contentType(ContentType.JSON)
                        .body(Map.of("limit", CreditFixtures.money("500000.00"), "reason", "first review"))
                        .put("/api/v1/buyers/" + buyerId + "/credit-limit")));
    }
}
