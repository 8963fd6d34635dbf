package io.tradecredit.common.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from Kafka (binary mode). {@link #from} refuses a record that is not a
 * well-formed event of ours with {@link PoisonMessageException}, which sends it to the DLQ.
 */
public record IncomingEvent(String id, String type, String source, String tenantId, String subject,
        OffsetDateTime time, String topic, String key, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = required(record, CloudEventHeaders.ID);
        String type = required(record, CloudEventHeaders.TYPE);
        String tenant = required(record, CloudEventHeaders.TENANT_ID);
        String source = optional(record, CloudEventHeaders.SOURCE);
        String subject = optional(record, CloudEventHeaders.SUBJECT);
        OffsetDateTime time = null;
        String timeText = optional(record, CloudEventHeaders.TIME);
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp: " + timeText);
            }
        }
        if (record.value() == null) {
            throw new PoisonMessageException("event " + id + " has no body");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("event " + id + " body is not JSON: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new PoisonMessageException("event " + id + " body is not a JSON object");
        }
        return new IncomingEvent(id, type, source, tenant, subject, time, record.topic(), record.key(), data);
    }

    /** The fields of the event's data, each read as what it must be ({@link EventFields}). */
    /**
     * The event's name among {@code producer}'s version-1 types: {@code "issued"} for
     * {@code io.tradecredit.invoice.issued.v1} and producer {@code "invoice"}; null for another
     * producer's or another version's type (a consumer skips those).
     */
    public String nameFrom(String producer) {
        String prefix = "io.tradecredit." + producer + ".";
        if (type == null || !type.startsWith(prefix) || !type.endsWith(".v1")
                || type.length() <= prefix.length() + 3) {
            return null;
        }
        return type.substring(prefix.length(), type.length() - 3);
    }

    public EventFields fields() {
        return EventFields.of(data, "event " + id + " (" + type + ")");
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = optional(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks header " + name);
        }
        return value;
    }

    private static String optional(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
