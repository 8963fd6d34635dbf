package io.tradecredit.common.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecredit.common.domain.DomainError;

/**
 * Every error leaves a service as RFC 9457 {@code application/problem+json}: validation failures
 * with the list of offending fields, malformed JSON, unknown routes, security refusals, and
 * unexpected failures (logged with a reference, never a stack trace to the client).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    /** A domain rule's refusal: the one place where a rule's words become an HTTP answer. */
    @ServerExceptionMapper
    public Response domainError(DomainError e, UriInfo uri) {
        return Problem.of(e).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return Problem.invalid("field", errors).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON: "
                + e.getOriginalMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return Problem.of(Response.Status.BAD_REQUEST, "The request has an unknown field: " + field)
                .withErrors(List.of(new Problem.FieldError(field, "unknown field")))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return invalidField(field, "cannot read " + e.getValue() + " as " + expected, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body is missing or has the wrong shape.")
                    .withInstance(uri.getPath()).toResponse();
        }
        return invalidField(field, "has the wrong type or shape", uri);
    }

    /** A value the type refuses, e.g. an amount with more decimals than its currency allows. */
    @ServerExceptionMapper(priority = 1)
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
        if (field.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request body cannot be read: " + reason)
                    .withInstance(uri.getPath()).toResponse();
        }
        return invalidField(field, reason, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request body cannot be read: "
                + e.getOriginalMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON reader reports an unreadable body as a bare 400 with the Jackson error as cause
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, uri);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unrecognizedField(unknown, uri);
            }
            if (cause instanceof InvalidFormatException format) {
                return invalidFormat(format, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatchedInput(mismatch, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return unmappable(mapping, uri);
            }
            if (cause instanceof JsonProcessingException other) {
                return unreadableJson(other, uri);
            }
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No resource at " + uri.getPath() + ".";
            case 405 -> "Method not allowed on " + uri.getPath() + ".";
            case 415 -> "Unsupported media type; send application/json.";
            case 406 -> "Cannot produce a representation the client accepts.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder out = Response.fromResponse(Problem.of(status, detail)
                .withInstance(uri.getPath()).toResponse());
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            out.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return out.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A valid bearer token is required.", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("The bearer token is invalid or expired.", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "Your roles do not allow this operation.")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (reference %s)", uri.getPath(), reference);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote reference " + reference + " to the operators.")
                .withInstance(uri.getPath()).toResponse();
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail)
                .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response invalidField(String field, String message, UriInfo uri) {
        return Problem.of(Response.Status.BAD_REQUEST, "The request has an invalid field: " + field)
                .withErrors(List.of(new Problem.FieldError(field, message)))
                .withInstance(uri.getPath()).toResponse();
    }

    /** {@code create.request.lines[0].quantity} becomes {@code lines[0].quantity}. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        if (field.length() == 0) {
            // A violation on the parameter itself (e.g. a missing body or query parameter).
            for (Path.Node node : path) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
        }
        return field.toString();
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            }
        }
        return field.toString();
    }
}
