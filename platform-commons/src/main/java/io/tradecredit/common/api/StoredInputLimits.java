package io.tradecredit.common.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tradecredit.common.money.Money;

/**
 * Input PostgreSQL cannot store is refused where it is read, naming the field (400), instead of
 * failing at the database (500): text with the NUL character, and numbers of
 * {@value #MAX_INTEGER_DIGITS} or more integer digits (amounts are {@code numeric(19,4)}). A number
 * is also refused beyond {@value Money#MAX_DECIMALS} decimals or {@value Money#MAX_NUMBER_TEXT}
 * characters of text: {@code 1e-10000000} is a short text for a number of ten million digits, which
 * every later step (a rule's rounding, an error's message) spent seconds of CPU and megabytes on.
 * A date must have a four-digit year ({@link DateInRange}).
 */
@Singleton
public class StoredInputLimits implements ObjectMapperCustomizer {
    /** Digits before the decimal point that a stored number may have at most. */
    public static final int MAX_INTEGER_DIGITS = Money.MAX_INTEGER_DIGITS;
    public static final String NUL_REFUSED = "must not contain the NUL character (U+0000)";
    public static final String TOO_LARGE = "must be less than 1000000000000000 (15 digits before the point)";
    public static final String TOO_PRECISE = "must have at most " + Money.MAX_DECIMALS + " decimals";
    public static final String TOO_LONG = "is not a number of at most " + Money.MAX_NUMBER_TEXT + " characters";
    public static final String DATE_OUT_OF_RANGE = "must be a date from 0001-01-01 to 9999-12-31";

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("tradecredit-stored-input-limits");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = super.deserialize(p, ctxt);
                if (text != null && hasNul(text)) {
                    if (UnreadableFields.record(p, NUL_REFUSED)) {
                        return null;
                    }
                    throw JsonMappingException.from(p, NUL_REFUSED);
                }
                return text;
            }
        });
        module.addDeserializer(BigDecimal.class, new NumberDeserializers.BigDecimalDeserializer() {
            @Override
            public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                // a text is measured before it is parsed: parsing a long one is the cost refused
                if (p.currentToken() == JsonToken.VALUE_STRING && p.getTextLength() > Money.MAX_NUMBER_TEXT) {
                    return refuse(p, TOO_LONG);
                }
                BigDecimal value = super.deserialize(p, ctxt);
                if (value != null && !fits(value)) {
                    return refuse(p, TOO_LARGE);
                }
                if (value != null && value.scale() > Money.MAX_DECIMALS) {
                    return refuse(p, TOO_PRECISE);
                }
                return value;
            }

            private BigDecimal refuse(JsonParser p, String reason) throws JsonMappingException {
                if (UnreadableFields.record(p, reason)) {
                    return null;
                }
                throw JsonMappingException.from(p, reason);
            }
        });
        // whichever deserializer reads a LocalDate (Jackson's JavaTimeModule), its result is judged after it
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == LocalDate.class ? new DateInRange(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /**
     * A date of a four-digit year: ISO 8601 also reads {@code +999999999-12-31}, which PostgreSQL's client wrote as
     * 466210-05-14 (an invoice stored due on another date than sent) and {@code -999999999-01-01}, which the
     * database refused with a 500.
     */
    static final class DateInRange extends StdDeserializer<LocalDate> implements ResolvableDeserializer,
            ContextualDeserializer {
        private final JsonDeserializer<?> delegate;

        DateInRange(JsonDeserializer<?> delegate) {
            super(LocalDate.class);
            this.delegate = delegate;
        }

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer resolvable) {
                resolvable.resolve(ctxt);
            }
        }

        /** The delegate as the property asks for it (a {@code @JsonFormat}), still judged. */
        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            return delegate instanceof ContextualDeserializer contextual
                    ? new DateInRange(contextual.createContextual(ctxt, property)) : this;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = (LocalDate) delegate.deserialize(p, ctxt);
            if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
                if (UnreadableFields.record(p, DATE_OUT_OF_RANGE)) {
                    return null;
                }
                throw JsonMappingException.from(p, DATE_OUT_OF_RANGE);
            }
            return date;
        }
    }

    public static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    /** Whether {@code value} has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point. */
    public static boolean fits(BigDecimal value) {
        return value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
    }
}
