package io.tradecredit.common.api;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tradecredit.common.errors.Problem;

/**
 * A query parameter the resource method declares as a number, a yes/no, an id, a date or one of
 * a set of values is checked before the method runs: a value that is not one answers 400 naming
 * the parameter (JAX-RS alone answers 404, as if the resource did not exist, and reads
 * {@code blocked=maybe} as false). A query parameter the method does not declare answers 400 too,
 * naming it and the ones it takes: a misspelt filter ({@code dueBefore} for {@code dueTo}) would
 * otherwise answer the unfiltered list, as an unknown body field would be dropped
 * ({@link StrictRequestBodies} refuses those). Not on the doors for outsiders ({@code @PermitAll}: an
 * insurer's callback, an SMS provider's delivery report, an email's unsubscribe link): what a
 * provider or a mail gateway adds to the URL is not the caller's mistake to refuse.
 */
public class TypedQueryParams {
    @ServerRequestFilter
    public Response refuseUnreadable(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        var query = request.getUriInfo().getQueryParameters();
        List<String> declared = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            String name = nameOf(parameter);
            if (name != null) {
                declared.add(name);
            }
        }
        boolean forOutsiders = method.isAnnotationPresent(PermitAll.class)
                || method.getDeclaringClass().isAnnotationPresent(PermitAll.class);
        for (String name : query.keySet()) {
            if (!forOutsiders && !declared.contains(name)) {
                errors.add(new Problem.FieldError(name, declared.isEmpty() ? "is not a query parameter of this"
                        + " operation, which takes none" : "is not a query parameter of this operation, which takes "
                        + String.join(", ", declared)));
            }
        }
        for (Parameter parameter : method.getParameters()) {
            String name = nameOf(parameter);
            if (name == null || !query.containsKey(name)) {
                continue;
            }
            for (String value : query.get(name)) {
                String problem = problemOf(parameter.getType(), value);
                if (problem != null) {
                    errors.add(new Problem.FieldError(name, problem));
                    break;
                }
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return Problem.invalid("query parameter", errors).withInstance(request.getUriInfo().getPath()).toResponse();
    }

    private static String nameOf(Parameter parameter) {
        RestQuery rest = parameter.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? parameter.getName() : rest.value();
        }
        QueryParam plain = parameter.getAnnotation(QueryParam.class);
        return plain == null ? null : plain.value();
    }

    /** Why {@code value} is not a {@code type}, or null when it is one. */
    static String problemOf(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value.strip());
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value.strip());
            } else if (type == Boolean.class || type == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false";
                }
            } else if (type == UUID.class) {
                UUID.fromString(value.strip());
            } else if (type == LocalDate.class) {
                LocalDate.parse(value.strip());
            } else if (type.isEnum()) {
                if (Arrays.stream(type.getEnumConstants()).noneMatch(c -> ((Enum<?>) c).name().equals(value))) {
                    return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                            .toList();
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "must be a whole number between " + (type == Long.class || type == long.class
                    ? Long.MIN_VALUE + " and " + Long.MAX_VALUE : Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return "must be an id (UUID)";
        } catch (DateTimeParseException e) {
            return "must be a date (YYYY-MM-DD)";
        }
    }
}
