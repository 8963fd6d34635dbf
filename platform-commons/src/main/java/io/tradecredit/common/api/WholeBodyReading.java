package io.tradecredit.common.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.jackson.ObjectMapperCustomizer;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.errors.Problem;
import io.tradecredit.common.errors.ProblemException;

/**
 * A request body is read to the end even when a field cannot be read: each such field is noted
 * (as null) and reading goes on, so an unreadable {@code issueDate} or a {@code total} without
 * currency no longer hides a missing tax id. The answer is one 400 naming every unreadable field
 * and, for a {@link CheckableBody}, every gap its rules find in the rest.
 */
@Provider
public class WholeBodyReading implements ReaderInterceptor {
    @Inject
    StrictRequestBodies bodies;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] bytes = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(bytes));
        UnreadableFields.open();
        Object body;
        List<Problem.FieldError> unreadable;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException e) {
            UnrecognizedPropertyException hidden = unknownFieldBehind(e, bytes, context.getGenericType());
            if (hidden != null) {
                throw hidden;
            }
            throw e;
        } finally {
            unreadable = UnreadableFields.close();
        }
        refuseUnreadable(unreadable, body);
        return body;
    }

    /**
     * A body read by the resource itself rather than by JAX-RS, because its raw bytes were needed first (the insurer's
     * signed callback checks the signature on them before anything is read): read strictly (an unknown property is
     * refused as on any request), to the end, each unreadable value noted, and then, as for any request body, one 400
     * naming every unreadable field and, for a {@link CheckableBody}, every gap its rules find in the rest. A body that
     * is not JSON at all fails as Jackson says ({@link IOException}); the caller names it.
     *
     * @param mapper the application's mapper (its unreadable-value handler is {@link NoteUnreadableValues})
     */
    public static <T> T readWhole(ObjectMapper mapper, byte[] bytes, Class<T> type) throws IOException {
        UnreadableFields.open();
        T body;
        List<Problem.FieldError> unreadable;
        try {
            body = mapper.readerFor(type).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes);
        } finally {
            unreadable = UnreadableFields.close();
        }
        refuseUnreadable(unreadable, body);
        return body;
    }

    /** One 400 naming every unreadable field and the rules' findings on the rest; nothing when all could be read. */
    private static void refuseUnreadable(List<Problem.FieldError> unreadable, Object body) {
        if (!unreadable.isEmpty()) {
            List<Problem.FieldError> all = merged(unreadable, body);
            throw new ProblemException(Problem.of(jakarta.ws.rs.core.Response.Status.BAD_REQUEST,
                    "The request has " + count(all)).withErrors(all));
        }
    }

    /**
     * A constructor that refuses what it was given (a record missing a part) runs before Jackson
     * looks at unknown names, so a misspelt field would be reported as the part it misspells. A
     * body that failed is read once more checking names first: an unknown field found so is the
     * answer (null when there is none: the first failure stands).
     */
    private UnrecognizedPropertyException unknownFieldBehind(Exception failure, byte[] bytes,
            java.lang.reflect.Type type) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof UnrecognizedPropertyException) {
                return null;
            }
        }
        try {
            ObjectMapper mapper = bodies.namesFirst();
            mapper.readerFor(mapper.getTypeFactory().constructType(type)).readValue(bytes);
        } catch (UnrecognizedPropertyException unknown) {
            return unknown;
        } catch (IOException | RuntimeException ignored) {
            // not an unknown field: the first failure says what is wrong
        }
        return null;
    }

    private static String count(List<Problem.FieldError> errors) {
        return errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".";
    }

    /** The unreadable fields, and the rules' findings on every other field. */
    static List<Problem.FieldError> merged(List<Problem.FieldError> unreadable, Object body) {
        List<Problem.FieldError> all = new ArrayList<>(unreadable);
        if (body instanceof CheckableBody checkable) {
            for (Violation v : checkable.violations()) {
                if (unreadable.stream().noneMatch(u -> within(v.field(), u.field()))) {
                    all.add(new Problem.FieldError(v.field(), v.message()));
                }
            }
        }
        all.sort(Comparator.comparing(Problem.FieldError::field));
        return all;
    }

    /** Whether a finding on {@code field} is a consequence of {@code unreadable} being null. */
    static boolean within(String field, String unreadable) {
        return field.equals(unreadable) || field.startsWith(unreadable + ".") || field.startsWith(unreadable + "[");
    }

    /** Turns Jackson's refusals of one value into notes while a body is being collected. */
    @Singleton
    public static class NoteUnreadableValues extends DeserializationProblemHandler implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(this);
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return note(UnreadableFields.readingFrom(ctxt.getParser()), "cannot read '" + value + "' as " + expected(targetType));
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            return note(UnreadableFields.readingFrom(ctxt.getParser()), "cannot read " + value + " as " + expected(targetType));
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                JsonParser p, String failureMsg) throws IOException {
            Object noted = note(p, "must be " + expected(targetType.getRawClass()) + ", not " + shapeOf(token));
            if (noted != NOT_HANDLED) {
                p.skipChildren(); // the value ends where a skipped object or array closes
            }
            return noted;
        }

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                Throwable t) {
            // a value type's own refusal, e.g. Money without currency: its words are the reason
            Throwable reason = t;
            while (reason.getCause() != null && reason.getCause() != reason) {
                reason = reason.getCause();
            }
            return note(UnreadableFields.readingFrom(ctxt.getParser()), reason.getMessage());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
            JsonParser reading = UnreadableFields.readingFrom(p); // Jackson passes the request's parser here
            Object noted = note(reading, "must be " + expected(instClass) + ", not " + shapeOf(reading.currentToken()));
            if (noted != NOT_HANDLED) {
                reading.skipChildren();
            }
            return noted;
        }

        private static Object note(JsonParser parser, String message) {
            return UnreadableFields.record(parser, message) ? null : NOT_HANDLED;
        }

        static String expected(Class<?> type) {
            if (type == java.time.LocalDate.class) {
                return "a date (YYYY-MM-DD)";
            }
            if (type == java.time.LocalTime.class) {
                return "a time like 09:00";
            }
            if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class
                    || type == java.time.ZonedDateTime.class) {
                return "a date and time like 2026-10-09T09:00:00+08:00";
            }
            if (type == java.time.LocalDateTime.class) {
                return "a date and time like 2026-10-09T09:00:00";
            }
            if (type == java.time.Duration.class) {
                return "a duration like PT30S";
            }
            if (type == UUID.class) {
                return "a UUID";
            }
            if (type.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    names.add(constant.toString());
                }
                return "one of " + String.join(", ", names);
            }
            if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
                return "a number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type == String.class) {
                return "a string";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "an array";
            }
            return "an object";
        }

        private static String shapeOf(JsonToken token) {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                default -> token.asString() == null ? token.name() : token.asString();
            };
        }
    }
}
