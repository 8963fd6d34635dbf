package io.tradecredit.common.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tradecredit.testing.KafkaTestResource;
import io.tradecredit.testing.Tokens;
import io.tradecredit.testing.Topics;

/** A release with a topic prefix (TC_TOPIC_PREFIX) publishes and consumes only under it. */
@QuarkusTest
@TestProfile(ReleasePrefixTest.ReleaseA.class)
class ReleasePrefixTest {
    static final String ADMIN = Tokens.tenant("acme").roles("tenant-admin").mint();

    public static class ReleaseA implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TopicNames.PREFIX_PROPERTY, "rel-a.");
        }
    }

    @Test
    void theRelayPublishesToThePrefixedTopicAndNotTheBareOne() {
        String name = "prefixed-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"quantity\":3}")
                .post("/api/v1/widgets").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> prefixed = Topics.read("rel-a.widget-events", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        assertEquals(1, prefixed.stream().filter(r -> id.equals(r.key())).count(), "published under the prefix");
        assertTrue(Topics.readFor("widget-events", Duration.ofSeconds(2)).stream().noneMatch(r -> id.equals(r.key())),
                "nothing on the unprefixed topic another release would read");
    }

    @Test
    void theConsumerGroupCarriesThePrefix() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> groups = List.of();
            while (!groups.contains("rel-a.commons-test") && System.nanoTime() < deadline) {
                groups = admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
                        .map(ConsumerGroupListing::groupId).toList();
                Thread.sleep(200);
            }
            assertTrue(groups.contains("rel-a.commons-test"), "the widget-events channel's group: " + groups);
        }
    }
}
