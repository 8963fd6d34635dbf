package io.tradecredit.collections.api;

import static io.restassured.RestAssured.given;
import static io.tradecredit.collections.api.AgencyContractApiTest.AGENCIES;
import static io.tradecredit.collections.api.AgencyContractApiTest.huaxin;
import static io.tradecredit.collections.api.DunningFixtures.freshTenant;
import static io.tradecredit.collections.api.DunningFixtures.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.testing.ApiDescriptionContract;

/**
 * A release with a topic prefix (TC_TOPIC_PREFIX) tells an agency the topics as they are named on
 * the Kafka cluster, prefix included: subscribing to what the API says reaches the release's topics.
 */
@QuarkusTest
@TestProfile(AgencyTopicPrefixApiTest.Staging.class)
class AgencyTopicPrefixApiTest {

    public static class Staging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TopicNames.PREFIX_PROPERTY, "staging.");
        }
    }

    @Test
    void theContractNamesTheAgencysTopicsWithTheReleasesPrefix() {
        String tenant = freshTenant();
        given().auth().oauth2(token(tenant, "credit-manager")).contentType(ContentType.JSON).body(huaxin())
                .put(AGENCIES + "/huaxin").then().statusCode(200)
                .body("casesTopic", equalTo("staging.agency.huaxin.cases"),
                        "updatesTopic", equalTo("staging.agency.huaxin.updates"));
        String viewer = token(tenant, "viewer");
        given().auth().oauth2(viewer).get(AGENCIES + "/huaxin").then().statusCode(200)
                .body("casesTopic", equalTo("staging.agency.huaxin.cases"),
                        "updatesTopic", equalTo("staging.agency.huaxin.updates"));
        given().auth().oauth2(viewer).get(AGENCIES).then().statusCode(200)
                .body("casesTopic", contains("staging.agency.huaxin.cases"),
                        "updatesTopic", contains("staging.agency.huaxin.updates"));
    }

    @Test
    void theApiDescriptionSaysTheTopicsCarryThePrefix() {
        List<JsonNode> contracts = new ArrayList<>();
        ApiDescriptionContract.apiDescription().path("components").path("schemas").forEach(schema -> {
            if (schema.path("properties").has("casesTopic")) {
                contracts.add(schema.path("properties"));
            }
        });
        assertEquals(1, contracts.size(), "the agency contract's schema");
        for (String topic : List.of("casesTopic", "updatesTopic")) {
            String description = contracts.get(0).path(topic).path("description").asText();
            assertTrue(description.contains("prefix (TC_TOPIC_PREFIX"), topic + ": " + description);
        }
    }
}
