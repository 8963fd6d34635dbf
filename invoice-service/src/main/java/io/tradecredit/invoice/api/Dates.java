package io.tradecredit.invoice.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.tradecredit.common.errors.ProblemException;

/** Reads an optional date query parameter; a bad one is a 400 naming the parameter. */
final class Dates {
    private Dates() {
    }

    static LocalDate orToday(String value, String name, Clock clock) {
        LocalDate date = parse(value, name);
        return date != null ? date : LocalDate.now(clock);
    }

    static LocalDate parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-22, got '" + value + "'");
        }
    }
}
