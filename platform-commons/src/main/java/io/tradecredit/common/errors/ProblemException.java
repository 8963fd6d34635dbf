package io.tradecredit.common.errors;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;

/**
 * Thrown by domain and application code to answer with a given problem; mapped as-is by
 * {@link ProblemMappers}. Prefer the factory methods, which name the situation.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, what));
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, detail).withErrors(errors));
    }

    public static ProblemException invalidField(String field, String message) {
        return badRequest("The request has an invalid field: " + field,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(Status.FORBIDDEN, detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", detail));
    }

    /** A well-formed value the operation cannot act on, e.g. a date that has not come yet. */
    public static ProblemException unprocessableField(String field, String message) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "The request has a value that cannot be"
                + " acted on: " + field).withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
