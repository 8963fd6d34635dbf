package io.tradecredit.common.api;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
    /**
     * The copies being read (see {@link KnownFieldsFirst}): where each copied value sits in the
     * body, and the context its copy's paths start from (what lies above it in the copy is stale).
     */
    private static final ThreadLocal<ArrayDeque<Base>> BASES = ThreadLocal.withInitial(ArrayDeque::new);

    private record Base(String path, JsonStreamContext root, JsonParser copy) {
    }

    /** The parser a value is being read from: a copy's while one is read, else the request's. */
    static JsonParser readingFrom(JsonParser request) {
        Base base = BASES.get().peek();
        return base == null ? request : base.copy();
    }

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
        String path = pathAt(parser);
        if (path.isEmpty()) {
            return false;
        }
        found.add(new Problem.FieldError(path, message));
        return true;
    }

    /** The JSON path, in the whole body, of the value the parser stands on. */
    static String pathAt(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
            context = context.getParent(); // a value that is an object or array opened its own context
        }
        Base base = BASES.get().peek();
        return base == null ? pathOf(context, null) : join(base.path(), pathOf(context, base.root()));
    }

    /**
     * Reads a value from a copy positioned on its first token, whose paths are named as if read
     * in place at {@code path}.
     */
    static <T> T readCopyAt(String path, JsonParser copy, Callable<T> read) throws IOException {
        BASES.get().push(new Base(path, copy.getParsingContext().getParent(), copy));
        try {
            return read.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            BASES.get().pop();
        }
    }

    private static String join(String base, String path) {
        if (base.isEmpty() || path.isEmpty()) {
            return base + path;
        }
        return path.startsWith("[") ? base + path : base + "." + path;
    }

    /** The JSON path of the value a context is at, up to {@code top} (excluded): {@code lines[0].unitPrice}. */
    static String pathOf(JsonStreamContext context, JsonStreamContext top) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && c != top && !c.inRoot(); c = c.getParent()) {
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
