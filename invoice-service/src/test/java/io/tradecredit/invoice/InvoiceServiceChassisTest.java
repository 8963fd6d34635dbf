package io.tradecredit.invoice;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.PlatformTestResources;
import io.tradecredit.testing.ServiceChassisContract;

/** The chassis promises, checked inside invoice-service with real PostgreSQL, Kafka and tokens. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResources.class)
class InvoiceServiceChassisTest extends ServiceChassisContract {
    @Override
    protected String serviceName() {
        return "invoice-service";
    }

    /** Issuing an invoice answers 201 with its amounts: the answer must match the description. */
    @Override
    public List<DocumentedCall> callsAnsweringMoney() {
        LocalDate today = PlatformZone.today();
        return List.of(new DocumentedCall("POST", "/api/v1/invoices", () -> given().auth()
                .oauth2(InvoiceFixtures.FINANCE_ACME).contentType(ContentType.JSON)
                .body(InvoiceFixtures.invoice(UUID.randomUUID(), today, today.plusDays(30))).post("/api/v1/invoices")));
    }
}
