package io.tradecredit.invoice.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads the column types a native query may hand back, whichever driver type they arrive as. */
final class Rows {
    private Rows() {
    }

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
