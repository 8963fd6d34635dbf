package io.tradecredit.collections.api;

import java.util.ArrayList;
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

    /**
     * The items of a request's list without its nulls (JSON {@code [null]} is not a value), for the checks of the rest;
     * {@link Present#name} then names each null by its index ({@code path[i]}) and moves what those checks named back to
     * the item's index in the request.
     */
    static <T> Present<T> present(String path, List<T> items) {
        if (items == null) {
            return new Present<>(path, null, List.of(), List.of());
        }
        List<T> rest = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                nulls.add(i);
            } else {
                rest.add(items.get(i));
                at.add(i);
            }
        }
        return new Present<>(path, rest, at, nulls);
    }

    /** A list without its nulls: {@code items} (null when the request left the list out), and where each stood. */
    record Present<T>(String path, List<T> items, List<Integer> at, List<Integer> nulls) {
        /** Renames {@code path[k]...} (k among the rest) in {@code into} to the item's index in the request, then names each null. */
        void name(List<Violation> into) {
            String open = path + "[";
            for (int n = 0; n < into.size(); n++) {
                Violation v = into.get(n);
                if (v.field() != null && v.field().startsWith(open)) {
                    int close = v.field().indexOf(']', open.length());
                    int k = Integer.parseInt(v.field().substring(open.length(), close));
                    into.set(n, new Violation(open + at.get(k) + v.field().substring(close), v.message()));
                }
            }
            nulls.forEach(i -> into.add(new Violation(open + i + "]", "is required: a null is not a value")));
        }
    }

    /** Names each null item of {@code items} ({@code path[i]}) in {@code into}; JSON {@code [null]} is not a value. */
    static void nullItems(List<Violation> into, String path, List<?> items) {
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.get(i) == null) {
                into.add(new Violation(path + "[" + i + "]", "is required: a null is not a value"));
            }
        }
    }

    static void throwIfAny(String code, String subject, List<Violation> wrong) {
        if (!wrong.isEmpty()) {
            throw DomainError.invalid(code, subject, wrong);
        }
    }
}
