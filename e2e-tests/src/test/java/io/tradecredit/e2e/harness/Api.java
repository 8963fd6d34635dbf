package io.tradecredit.e2e.harness;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tradecredit.devstack.PlatformZone;
import io.tradecredit.testing.Tokens;

/**
 * Calls from outside, as the people and systems the platform serves: a tenant's ERP, credit manager,
 * collector and admin, and the platform operator at the job door.
 */
public final class Api {
    /** Tokens outlive the module's run (the default 5 minutes would not on a loaded machine). */
    private static final long MODULE_SECONDS = 3 * 3600;
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    static {
        // a failed expectation shows the request and the answer (a problem+json names the wrong field)
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** A tenant of its own per scenario, so scenarios never see each other's buyers. */
    public static String freshTenant(String scenario) {
        return scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String token(String tenant, String role) {
        return Tokens.tenant(tenant).roles(role).subject(tenant + "-" + role).expiresIn(MODULE_SECONDS).mint();
    }

    /** The platform operator: role platform-ops, no tenant (the job door refuses a tenant's token). */
    public static String operator() {
        return Tokens.noTenant().roles("platform-ops").subject("platform-operator").expiresIn(MODULE_SECONDS).mint();
    }

    /** A call to a service; a successful JSON answer unlike the service's description of it fails the call. */
    public static RequestSpecification call(String service, String token) {
        return given().baseUri(Platform.harness().url(service)).auth().oauth2(token).contentType(ContentType.JSON)
                .filter(io.tradecredit.testing.DescribedAnswers.INSTANCE);
    }

    /** Runs a daily job for a date through the operator's door and expects its first run to complete. */
    public static void runJob(String service, String job, LocalDate asOf) {
        call(service, operator()).queryParam("asOf", asOf.toString()).post("/api/v1/admin/jobs/" + job).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
    }

    public static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    public static LocalDate today() {
        return PlatformZone.today();
    }

    public static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(condition);
    }

    /**
     * Waits until {@code group} (a service's consumer group) has read {@code topic} to its end, as an
     * operator sees it with the Kafka admin API: whatever was published there before is applied.
     */
    public static void awaitRead(String group, String topic) {
        Map<String, Object> config = Map.of("bootstrap.servers", Platform.harness().kafkaBootstrap());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            await(group + " has read " + topic + " to its end", () -> {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                        .toList();
                var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                        p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                return partitions.stream().allMatch(p -> ends.get(p).offset() == 0 || committed.get(p) != null
                        && committed.get(p).offset() >= ends.get(p).offset());
            });
        }
    }

    /** A valid unified social credit code (GB 32100-2015): 17 characters and the check character that fits. */
    public static String uscc() {
        StringBuilder code = new StringBuilder("9144");
        while (code.length() < 17) {
            code.append(USCC_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** Thread.sleep for scenarios and the harness: an interrupt ends the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
