package io.tradecredit.common.events;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradecredit.common.money.Money;

/**
 * Reads the fields of an event's JSON data, or of an object within it ({@link IncomingEvent#fields()}).
 * A required field that is missing or null, or any field that cannot be read as what is asked,
 * is a {@link PoisonMessageException} naming the event and the field: no retry can mend it, so the
 * record goes to the dead-letter topic at once. The optional forms read a missing or null field
 * as empty.
 */
public final class EventFields {
    private final JsonNode node;
    private final String event;
    private final String path;

    private EventFields(JsonNode node, String event, String path) {
        this.node = node;
        this.event = event;
        this.path = path;
    }

    /** The fields of {@code data}; {@code event} names the event in refusals, e.g. {@code event 42 (type)}. */
    public static EventFields of(JsonNode data, String event) {
        return new EventFields(data, event, "");
    }

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public String text(String field) {
        JsonNode value = required(field);
        if (!value.isValueNode()) {
            throw unreadable(field, "text", value);
        }
        return value.asText();
    }

    public Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    public UUID uuid(String field) {
        return parsed(field, "a UUID", UUID::fromString);
    }

    public LocalDate date(String field) {
        return parsed(field, "a date", LocalDate::parse);
    }

    /** An instant with its offset, ISO 8601 ("2026-12-03T21:47:28.5Z"). */
    public java.time.OffsetDateTime dateTime(String field) {
        return parsed(field, "a date-time", java.time.OffsetDateTime::parse);
    }

    /** A decimal number written as text (a rate, "0.0005"), so no binary float ever touches it. */
    public java.math.BigDecimal decimal(String field) {
        return parsed(field, "a decimal number", java.math.BigDecimal::new);
    }

    public int integer(String field) {
        JsonNode value = required(field);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw unreadable(field, "a whole number", value);
    }

    /** A JSON boolean ({@code true} or {@code false}; not the text "true"). */
    public boolean bool(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw unreadable(field, "true or false", value);
        }
        return value.booleanValue();
    }

    /** A boolean that may be missing or null: then {@code otherwise}. */
    public boolean bool(String field, boolean otherwise) {
        return has(field) ? bool(field) : otherwise;
    }

    /** Money as the events carry it: {@code {"amount": "1243.00", "currency": "EUR"}}. */
    public Money money(String field) {
        EventFields money = object(field);
        String amount = money.text("amount");
        String currency = money.text("currency");
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw unreadable(field, "money", node.get(field));
        }
    }

    public Optional<Money> optionalMoney(String field) {
        return has(field) ? Optional.of(money(field)) : Optional.empty();
    }

    /** One of the constants of {@code type}, named in any case ({@code rating_downgrade}, {@code RATING_DOWNGRADE}). */
    public <E extends Enum<E>> E oneOf(Class<E> type, String field) {
        String name = text(field).toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw unreadable(field, "one of " + Arrays.toString(type.getEnumConstants()), node.get(field));
    }

    /** A nested object's fields. */
    public EventFields object(String field) {
        JsonNode value = required(field);
        if (!value.isObject()) {
            throw unreadable(field, "an object", value);
        }
        return new EventFields(value, event, path + field + ".");
    }

    /** The fields of each object of an array. */
    public List<EventFields> objects(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw unreadable(field, "an array", value);
        }
        List<EventFields> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = path + field + "[" + i + "]";
            if (!item.isObject()) {
                throw new PoisonMessageException(event + ": " + at + " is not an object: " + item);
            }
            items.add(new EventFields(item, event, at + "."));
        }
        return items;
    }

    /** An array of UUIDs (e.g. the invoices a payment plan covers), each named by its index when unreadable. */
    public List<UUID> uuids(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw unreadable(field, "an array", value);
        }
        List<UUID> ids = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            try {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException();
                }
                ids.add(UUID.fromString(item.textValue()));
            } catch (IllegalArgumentException e) {
                throw new PoisonMessageException(event + ": " + path + field + "[" + i + "] is not a UUID: " + item);
            }
        }
        return ids;
    }

    /** An array of ISO dates (e.g. a calendar's holidays), each named by its index when it is not one. */
    public List<LocalDate> dates(String field) {
        List<String> texts = texts(field);
        List<LocalDate> dates = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                dates.add(LocalDate.parse(texts.get(i)));
            } catch (DateTimeException e) {
                throw new PoisonMessageException(event + ": " + path + field + "[" + i + "] is not a date: \"" + texts.get(i)
                        + "\"");
            }
        }
        return dates;
    }

    /** An array of texts (e.g. a message's channels), each named by its index when it is not one. */
    public List<String> texts(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw unreadable(field, "an array", value);
        }
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new PoisonMessageException(event + ": " + path + field + "[" + i + "] is not text: " + item);
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    private <T> T parsed(String field, String expected, Function<String, T> parse) {
        String text = text(field);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw unreadable(field, expected, node.get(field));
        }
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new PoisonMessageException(event + " lacks " + path + field);
        }
        return value;
    }

    private PoisonMessageException unreadable(String field, String expected, JsonNode value) {
        return new PoisonMessageException(event + ": " + path + field + " is not " + expected + ": " + value);
    }
}
