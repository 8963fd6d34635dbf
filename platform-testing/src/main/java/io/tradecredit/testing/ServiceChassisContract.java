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

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.tradecredit.devstack.PlatformZone;

/**
 * What every service promises through the chassis, checked inside the service itself: real
 * database (migrated) behind readiness (Kafka shown, not gating), open health and metrics, OIDC on everything
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
    void datesComeFromTheBusinessTimeZone() {
        ServiceArchitecture.datesComeFromTheBusinessTimeZone(rootPackage()).allowEmptyShould(true)
                .check(ServiceArchitecture.mainClasses());
    }

    @Test
    void packagesHaveNoImportCycles() {
        ServiceArchitecture.noCycles(rootPackage()).allowEmptyShould(true).check(ServiceArchitecture.mainClasses());
    }

    /**
     * Readiness is the database's, not Kafka's: a broker outage leaves the API up, writes wait in the
     * outbox (docs/adr/0007-kafka-outside-readiness.md); Kafka's state is on /q/health/well.
     */
    @Test
    void readinessCoversTheDatabaseButNotKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem("kafka")));
        // nor the Kafka connector's own check, which names each channel it finds connected to a
        // broker: during a broker outage it took every pod out of readiness (docs/reliability.md)
        List<java.util.Map<String, Object>> ready = given().get("/q/health/ready").then().extract().jsonPath()
                .getList("checks");
        assertTrue(ready.stream().filter(c -> String.valueOf(c.get("name")).contains("Messaging"))
                .allMatch(c -> c.get("data") == null || ((java.util.Map<?, ?>) c.get("data")).isEmpty()),
                "the messaging readiness check looks at channels: " + ready);
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
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

    /** A property no operation knows (a typo, a field of another API version) is refused, never silently dropped. */
    @Test
    void aBodyWithAnUnknownFieldIsRefusedNamingIt() {
        // every role, so that no operation refuses the caller before reading the body
        String token = Tokens.tenant("acme").roles("tenant-admin", "credit-manager", "collector", "finance", "viewer",
                "agency").agency("contract-agency").mint();
        String unknown = "notAFieldOfThisApi";
        for (JsonBodyOperations.Operation operation : JsonBodyOperations.of(token)) {
            String body = "{\"" + unknown + "\":1}";
            try {
                given().auth().oauth2(token).contentType("application/json")
                        .body(operation.listBody() ? "[" + body + "]" : body)
                        .request(operation.method(), operation.path())
                        .then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", contains((operation.listBody() ? "[0]." : "") + unknown));
            } catch (AssertionError e) {
                throw new AssertionError(operation + " does not refuse an unknown field: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void aRequestRefusedBeforeRoutingLeavesNoPathInTheMetrics() {
        String marker = "refused-" + UUID.randomUUID();
        given().header("X-Padding", "x".repeat(100_000)).get("/api/v1/" + marker).then().statusCode(431);
        given().get("/api/v1/" + marker + "?q=" + "y".repeat(10_000)).then().statusCode(414);
        assertTrue(RawHttp.get("/api/v1/" + marker + "?q=%zz", null).startsWith("HTTP/1.1 400"));
        assertTrue(RawHttp.get("/api/v1/" + marker + "/%zz", null).startsWith("HTTP/1.1 400"));
        // the 431 and 414 were counted as REFUSED before; the malformed URIs' 400 is what this names
        given().get("/q/metrics").then().statusCode(200).body(not(containsString(marker)),
                containsString("status=\"400\",uri=\"REFUSED\""));
    }

    /** What the HTTP layer refuses before any resource runs is a problem too, not an empty answer. */
    @Test
    void httpLayerRefusalsAnswerProblems() {
        given().header("X-Padding", "x".repeat(100_000)).get("/api/v1/me").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
        given().auth().oauth2(Tokens.tenant("acme").roles("viewer").mint()).get("/api/v1/me?q=" + "y".repeat(10_000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
        String malformed = RawHttp.get("/api/v1/me?q=50%", Tokens.tenant("acme").roles("viewer").mint());
        assertTrue(malformed.startsWith("HTTP/1.1 400") && malformed.contains("application/problem+json")
                && malformed.contains("The request URI is malformed"), malformed);
        for (String path : List.of("/q/openapi", "/q/openapi.json", "/q/swagger-ui")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer")).body("status", equalTo(401));
        }
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
        given().auth().oauth2(ops).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2020-06-01")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(ops).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2020-06-01")
                .then().statusCode(200).body("firstRun", equalTo(false));
        given().auth().oauth2(Tokens.tenant("acme").roles("tenant-admin").mint())
                .post("/api/v1/admin/jobs/outbox-cleanup?asOf=2020-06-02")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ops).get("/api/v1/admin/jobs/outbox-cleanup/runs?from=2020-06-01&to=2020-06-01")
                .then().statusCode(200).body("items.asOf", contains("2020-06-01"), "total", equalTo(1));
        given().auth().oauth2(ops).get("/api/v1/admin/jobs/no-such-job/runs")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** Jobs touch every tenant's rows: a tenant's user given platform-ops is still no platform operator. */
    @Test
    void aTenantBoundOperatorMayNotRunOrListJobs() {
        String tenantOps = Tokens.tenant("acme").roles("platform-ops").mint();
        given().auth().oauth2(tenantOps).post("/api/v1/admin/jobs/outbox-cleanup?asOf=2020-06-03")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(tenantOps).get("/api/v1/admin/jobs").then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(0, Database.count("select count(*) from job_run where as_of = '2020-06-03'"));
    }

    /** A date after today runs only where the service is set to allow it (demos, end-to-end tests). */
    @Test
    void aJobRunsAheadOfTodayOnlyWhereAllowed() {
        boolean allowed = ConfigProvider.getConfig()
                .getOptionalValue("tradecredit.jobs.future-dates-allowed", Boolean.class).orElse(false);
        // tomorrow: nothing a test sent is older than the retention as of then, so nothing is cleaned up
        String ahead = PlatformZone.today().plusDays(1).toString();
        var answer = given().auth().oauth2(Tokens.noTenant().roles("platform-ops").mint())
                .post("/api/v1/admin/jobs/outbox-cleanup?asOf=" + ahead).then();
        if (allowed) {
            answer.statusCode(200).body("asOf", equalTo(ahead));
        } else {
            answer.statusCode(422).contentType("application/problem+json").body("errors.field", contains("asOf"));
        }
    }
}
