package io.tradecredit.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

class ContractTopicsTest {
    static final Path ASYNCAPI = Path.of("..", "contracts", "asyncapi.yaml");

    @Test
    void everyTopicOfTheCodeIsInTheAsyncApiDocument() throws IOException {
        String doc = Files.readString(ASYNCAPI);
        for (String topic : TopicNames.ALL) {
            assertTrue(doc.contains("address: " + topic + "\n"), topic + " missing from " + ASYNCAPI);
        }
        assertTrue(doc.contains("address: " + TopicNames.agencyCases("{agencyCode}") + "\n"));
        assertTrue(doc.contains("address: " + TopicNames.agencyUpdates("{agencyCode}") + "\n"));
    }

    @Test
    void asyncApiDocumentIsValidYamlAndEveryMessageSchemaExists() throws IOException {
        JsonNode doc = new YAMLMapper().readTree(ASYNCAPI.toFile());
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        doc.get("channels").forEach(channel -> channel.path("messages").forEach(message -> {
            String ref = message.path("payload").path("$ref").asText();
            assertTrue(Files.exists(ASYNCAPI.resolveSibling(ref)), "missing schema " + ref);
        }));
    }

    @Test
    void deadLetterTopicIsNamedAfterTopicAndConsumer() {
        assertEquals("invoice-events.dlq.credit-service", TopicNames.deadLetter("invoice-events", "credit-service"));
        assertEquals("agency.swiftcollect.cases", TopicNames.agencyCases("swiftcollect"));
    }
}
