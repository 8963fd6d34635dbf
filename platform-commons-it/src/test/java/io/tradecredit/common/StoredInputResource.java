package io.tradecredit.common;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.tradecredit.common.money.Money;

/** Echoes what it could store: text, an amount and a plain number (for StoredInputLimitsTest). */
@Path("/api/v1/stored-input")
public class StoredInputResource {
    public record Input(String note, Money amount, BigDecimal ratio, java.util.List<Line> lines, java.time.LocalDate on) {
    }

    /** Its constructor refuses a line without an item, as the services' records refuse what they lack. */
    public record Line(String item, Integer quantity) {
        public Line {
            java.util.Objects.requireNonNull(item, "item");
        }
    }

    @POST
    public Input echo(@Valid @NotNull Input input) {
        return input;
    }
}
