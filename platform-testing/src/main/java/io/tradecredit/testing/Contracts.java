package io.tradecredit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks an event on a topic against {@code contracts/}: the CloudEvents envelope, and the body
 * against the JSON Schema named after its {@code ce_type}. Producer tests call it on what they read.
 */
public final class Contracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Contracts() {
    }

    /** Fails the test unless the record is a well-formed event whose body matches its schema. */
    public static JsonNode assertValid(ConsumerRecord<String, String> record) {
        assertEquals("1.0", Topics.header(record, "ce_specversion"), "ce_specversion");
        assertNotNull(Topics.header(record, "ce_id"), "ce_id");
        assertNotNull(Topics.header(record, "ce_source"), "ce_source");
        assertNotNull(Topics.header(record, "ce_tenantid"), "ce_tenantid");
        assertEquals(record.key(), Topics.header(record, "ce_subject"), "key = ce_subject = aggregate id");
        String type = Topics.header(record, "ce_type");
        assertNotNull(type, "ce_type");
        Path file = schemasDir().resolve(type + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no schema for " + type + " in " + schemasDir());
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonSchema schema = SCHEMAS.getSchema(in);
            JsonNode body = JSON.readTree(record.value());
            Set<ValidationMessage> problems = schema.validate(body);
            if (!problems.isEmpty()) {
                throw new AssertionError(type + " does not match its schema: " + problems + "\n" + record.value());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code contracts/schemas} of the repository, found from the module's working directory up. */
    public static Path schemasDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("contracts").resolve("schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("contracts/schemas not found above " + Path.of("").toAbsolutePath());
    }
}
