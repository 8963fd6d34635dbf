package io.tradecredit.invoice.api;

import java.util.UUID;

import io.tradecredit.common.errors.ProblemException;

/** Reads an optional id query parameter; a bad one is a 400 naming the parameter. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be a UUID, got '" + value + "'");
        }
    }
}
