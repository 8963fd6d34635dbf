package io.tradecredit.common.domain;

import java.util.List;

/**
 * A rule's refusal: what kind of refusal it is, a stable code for integrators to branch on
 * (e.g. {@code dispute.already-resolved}), a sentence for people, and every offending item.
 * Plain Java so rules stay free of HTTP; the chassis maps it to problem+json (the kind picks
 * the status: invalid 400, not found 404, conflict 409, unprocessable 422).
 */
public class DomainError extends RuntimeException {
    /** What the refusal means for the caller. */
    public enum Kind {
        /** The command itself is wrong: fix the named items and send it again. */
        INVALID,
        /** What the command names does not exist (or belongs to someone else). */
        NOT_FOUND,
        /** The command is well formed but the current state does not allow it. */
        CONFLICT,
        /** The command is understood but cannot be carried out as asked. */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final transient List<Violation> violations;

    public DomainError(Kind kind, String code, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }

    /**
     * A command with several wrong items, all named at once: {@code subject} says what was refused
     * ("The invoice is incomplete or inconsistent"), the count and "each named below" follow.
     */
    public static DomainError invalid(String code, String subject, List<Violation> violations) {
        int n = violations.size();
        return new DomainError(Kind.INVALID, code,
                subject + ": " + n + " problem" + (n == 1 ? "" : "s") + ", each named below.", violations);
    }

    /** A command with one wrong item. */
    public static DomainError invalidField(String code, String field, String message) {
        return new DomainError(Kind.INVALID, code, "The request has an invalid field: " + field,
                List.of(new Violation(field, message)));
    }

    public static DomainError notFound(String code, String detail) {
        return new DomainError(Kind.NOT_FOUND, code, detail, List.of());
    }

    public static DomainError conflict(String code, String detail) {
        return new DomainError(Kind.CONFLICT, code, detail, List.of());
    }

    /** The state refuses several items of the command at once, each named. */
    public static DomainError conflict(String code, String detail, List<Violation> violations) {
        return new DomainError(Kind.CONFLICT, code, detail, violations);
    }

    public static DomainError unprocessable(String code, String detail) {
        return new DomainError(Kind.UNPROCESSABLE, code, detail, List.of());
    }
}
