package io.tradecredit.common.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tradecredit.common.errors.Problem;

/**
 * Query parameters and path segments PostgreSQL could not store or compare (the NUL character)
 * are refused before any resource runs, naming each parameter: a 400, not a database error.
 */
public class StoredTextFilter {
    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (StoredInputLimits.hasNul(request.getUriInfo().getPath())) {
            errors.add(new Problem.FieldError("path", StoredInputLimits.NUL_REFUSED));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (StoredInputLimits.hasNul(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(StoredInputLimits::hasNul)) {
                errors.add(new Problem.FieldError(parameter.getKey().replace("\u0000", "\\u0000"),
                        StoredInputLimits.NUL_REFUSED));
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return Problem.invalid("parameter", errors)
                .withInstance(request.getUriInfo().getPath().replace("\u0000", "\\u0000")).toResponse();
    }
}
