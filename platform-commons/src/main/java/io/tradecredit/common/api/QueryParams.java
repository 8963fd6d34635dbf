package io.tradecredit.common.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.tradecredit.common.errors.ProblemException;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Reads the common query parameters of a list or a report: the page and its size (bounded by the
 * resource's {@code @Min(0)} and {@code @Min(1) @Max(Page.MAX_SIZE)}), and optional ISO dates and
 * ids. A parameter that cannot be read is a problem+json 400 naming it.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** The page asked for; the first (0) when none is. */
    public static int page(Integer page) {
        return page == null ? 0 : page;
    }

    /** The page size asked for; {@link Page#DEFAULT_SIZE} when none is. */
    public static int size(Integer size) {
        return size == null ? Page.DEFAULT_SIZE : size;
    }

    /** An optional date such as {@code 2026-11-22}: null when absent or blank. */
    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-22, got '" + value + "'");
        }
    }

    /** A date such as {@code asOf}: the business day's today when absent or blank. */
    public static LocalDate dateOrToday(String value, String name, BusinessTimeZone businessZone) {
        LocalDate date = date(value, name);
        return date != null ? date : businessZone.today();
    }

    /** An optional id: null when absent or blank. */
    public static UUID uuid(String value, String name) {
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
