package io.tradecredit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every service promises through the chassis, checked inside the service itself: real
 * database (migrated) and Kafka behind readiness, open health and metrics, OIDC on everything
 * else, problem+json errors, tenant and operator doors, and a truthful API description
 * ({@link ApiDescriptionContract}). A service test extends this with
 * {@code @QuarkusTest} and names itself in {@link #serviceName()}.
 */
public abstract class ServiceChassisContract implements ApiDescriptionContract {

    /** The {@code quarkus.application.name} of the service under test. */
    protected abstract String serviceName();

    /** The service's root package: the package of its chassis test, e.g. {@code io.tradecredit.invoice}. */
    protected String rootPackage() {
        return getClass().getPackageName();
    }

    @Test
    void domainIsPlainJava() {
        ServiceArchitecture.domainIsPlainJava(rootPackage()).allowEmptyShould(true)
                .check(ServiceArchitecture.mainClasses());
    }

    @Test
    void resourcesConsumersAndJobsDelegateToUseCases() {
        ServiceArchitecture.adaptersDelegate(rootPackage()).allowEmptyShould(true)
                .check(ServiceArchitecture.mainClasses());
    }

    @Test
    void useCasesKnowNoHttp() {
        ServiceArchitecture.useCasesKnowNoHttp(rootPackage()).allowEmptyShould(true)
                .check(ServiceArchitecture.mainClasses());
    }

    @Test
    void packagesHaveNoImportCycles() {
        ServiceArchitecture.noCycles(rootPackage()).allowEmptyShould(true).check(ServiceArchitecture.mainClasses());
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Reactive PostgreSQL connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void chassisTablesAreMigrated() {
        assertTrue(Database.count("select count(*) from flyway_schema_history where success") >= 1);
        assertEquals(0, Database.count("select count(*) from flyway_schema_history where not success"));
        assertEquals(3, Database.count("select count(*) from information_schema.tables"
                + " where table_name in ('outbox', 'inbox', 'job_run')"));
    }

    @Test
    void everyFormOfTheApiDescriptionNeedsAToken() {
        for (String path : List.of("/q/openapi", "/q/openapi.json", "/q/openapi.yaml", "/q/openapi.yml")) {
            given().get(path).then().statusCode(401);
        }
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint()).get("/q/openapi.json")
                .then().statusCode(200);
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").audience("admin-cli").mint())
                .get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint()).urlEncodingEnabled(false)
                .get("/api/v1/me?name=a%00b&fine=1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("name"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint()).contentType("text/plain")
                .body("a reason").post("/api/v1/me").then().statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void aRequestRefusedBeforeRoutingLeavesNoPathInTheMetrics() {
        String marker = "refused-" + UUID.randomUUID();
        given().header("X-Padding", "x".repeat(100_000)).get("/api/v1/" + marker).then().statusCode(431);
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(marker)));
    }

    @Test
    void metricsAreOpenInPrometheusFormat() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE"), containsString("http_server"));
    }

    @Test
    void apiDescriptionNeedsAToken() {
        given().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint()).get("/q/openapi?format=json")
                .then().statusCode(200).body("info.title", containsString(serviceName()))
                // roles given as a configuration expression (Roles.READERS) are listed as the roles
                .body(not(containsString("${")));
    }

    @Test
    void apiNeedsAValidTokenAndReadsTheTenantFromIt() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.tenant("globex").roles("finance").subject("fin-1").mint()).get("/api/v1/me")
                .then().statusCode(200)
                .body("tenantId", equalTo("globex"), "subject", equalTo("fin-1"), "roles", hasItem("finance"));
    }

    @Test
    void unknownRouteAnswersProblem404() {
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint()).get("/api/v1/does-not-exist")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void operatorRunsADailyJobOncePerDate() {
        String ops = Tokens.noTenant().roles("platform-ops").mint();
        given().auth().oauth2(ops).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2030-06-01")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(ops).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2030-06-01")
                .then().statusCode(200).body("firstRun", equalTo(false));
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint())
                .post("/api/v1/admin/jobs/outbox-cleanup?asOf=2030-06-02")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
