package io.tradecredit.collections.api;

import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/** Gathers a domain refusal's violations under a JSON path, so one 400 names every wrong field of a request. */
final class Refusals {
    private Refusals() {
    }

    /** Runs {@code check}; an INVALID refusal's violations are added to {@code into}, prefixed by {@code prefix}. */
    static void collect(List<Violation> into, String prefix, Runnable check) {
        try {
            check.run();
        } catch (DomainError e) {
            if (e.kind() != DomainError.Kind.INVALID) {
                throw e;
            }
            e.violations().forEach(v -> into.add(new Violation(prefix + v.field(), v.message())));
        }
    }

    static void throwIfAny(String code, String subject, List<Violation> wrong) {
        if (!wrong.isEmpty()) {
            throw DomainError.invalid(code, subject, wrong);
        }
    }
}
