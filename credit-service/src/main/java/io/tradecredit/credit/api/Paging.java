package io.tradecredit.credit.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.tradecredit.common.api.Page;
import io.tradecredit.common.errors.ProblemException;

/** Reads the common query parameters: page, size and dates; a bad one is a 400 naming it. */
final class Paging {
    private Paging() {
    }

    static int page(Integer page) {
        return page == null ? 0 : page;
    }

    static int size(Integer size) {
        return size == null ? Page.DEFAULT_SIZE : size;
    }

    static LocalDate dateOrToday(String value, String name, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-22, got '" + value + "'");
        }
    }
}
