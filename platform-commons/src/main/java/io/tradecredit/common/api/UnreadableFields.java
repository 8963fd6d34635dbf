package io.tradecredit.common.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;

import io.tradecredit.common.errors.Problem;

/**
 * The fields of one request body that could not be read, collected while the body is read so that
 * one answer names them all together with the rules' own findings (DOMAIN §2: every missing or
 * invalid item in one answer). Open only around a REST body ({@link WholeBodyReading}): events and
 * everything else still fail on the first unreadable value.
 */
public final class UnreadableFields {
    private static final ThreadLocal<List<Problem.FieldError>> OPEN = new ThreadLocal<>();

    private UnreadableFields() {
    }

    static void open() {
        OPEN.set(new ArrayList<>());
    }

    static List<Problem.FieldError> close() {
        List<Problem.FieldError> found = OPEN.get();
        OPEN.remove();
        return found == null ? List.of() : found;
    }

    /**
     * Notes that the value the parser stands on cannot be read. Returns false, and notes nothing,
     * when no body is being collected or the value has no field path (the body itself is
     * unreadable): the caller then fails as before.
     */
    public static boolean record(JsonParser parser, String message) {
        List<Problem.FieldError> found = OPEN.get();
        if (found == null) {
            return false;
        }
        JsonStreamContext context = parser.getParsingContext();
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            context = context.getParent(); // a value that is an object or array opened its own context
        }
        String path = pathOf(context);
        if (path.isEmpty()) {
            return false;
        }
        found.add(new Problem.FieldError(path, message));
        return true;
    }

    /** The JSON path of the value a context is at: {@code lines[0].unitPrice}. */
    static String pathOf(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                segments.add(0, c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }
}
