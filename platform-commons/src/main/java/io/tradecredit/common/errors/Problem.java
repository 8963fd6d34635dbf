package io.tradecredit.common.errors;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tradecredit.common.domain.DomainError;

/**
 * An RFC 9457 problem detail. {@code errors} lists the offending fields of a validation failure;
 * {@code code} (an extension member) is the stable code of a domain rule's refusal, when a rule refused.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
        List<FieldError> errors, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation, named by its JSON path (e.g. {@code lines[0].quantity}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(),
                detail, null, List.of(), null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(URI.create("about:blank"), title, status, detail, null, List.of(), null);
    }

    /**
     * A 400 listing every invalid item, counted in the detail: {@code invalid("query parameter", errors)}
     * says "The request has 2 invalid query parameters."
     */
    public static Problem invalid(String noun, List<FieldError> errors) {
        return of(Response.Status.BAD_REQUEST, "The request has " + errors.size() + " invalid " + noun
                + (errors.size() == 1 ? "" : "s") + ".").withErrors(errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), code);
    }

    public Problem withType(URI problemType) {
        return new Problem(problemType, title, status, detail, instance, errors, code);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, code);
    }

    /** The problem a rule's refusal answers with: its kind picks the status, its items the errors. */
    public static Problem of(DomainError e) {
        Problem base = switch (e.kind()) {
            case INVALID -> of(Response.Status.BAD_REQUEST, e.detail());
            case NOT_FOUND -> of(Response.Status.NOT_FOUND, e.detail());
            case CONFLICT -> of(Response.Status.CONFLICT, e.detail());
            case UNPROCESSABLE -> of(422, "Unprocessable Content", e.detail());
        };
        return new Problem(base.type, base.title, base.status, base.detail, null,
                e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList(), e.code());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
