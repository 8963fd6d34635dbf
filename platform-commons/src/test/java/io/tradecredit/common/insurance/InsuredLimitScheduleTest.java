package io.tradecredit.common.insurance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.insurance.InsuredLimitSchedule.Period;
import io.tradecredit.common.money.Money;

/** Reading a published schedule: 100,000 CNY March to May, 60,000 from June; 50,000 EUR in April alone. */
class InsuredLimitScheduleTest {
    static final Currency CNY = Money.currencyOf("CNY");
    static final Currency EUR = Money.currencyOf("EUR");
    static final UUID A = UUID.fromString("5b0f6c1e-3d2a-4c1b-9f8e-2a7d6c5b4a39");
    static final UUID B = UUID.fromString("0b9a6a2e-8c1d-4c6e-9d57-2f3a1f0c9e11");
    static final InsuredLimitSchedule SCHEDULE = new InsuredLimitSchedule(List.of(
            new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), Money.of("100000.00", "CNY"), A),
            new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), Money.of("50000.00", "EUR"), B),
            new Period(LocalDate.of(2026, 6, 1), null, Money.of("60000.00", "CNY"), A)));

    @Test
    void theLimitOnADayIsThePeriodCoveringItInTheCurrency() {
        assertEquals(Money.zero(CNY), SCHEDULE.on(LocalDate.of(2026, 2, 28), CNY));
        assertEquals(Money.of("100000.00", "CNY"), SCHEDULE.on(LocalDate.of(2026, 3, 1), CNY));
        assertEquals(Money.of("100000.00", "CNY"), SCHEDULE.on(LocalDate.of(2026, 5, 31), CNY));
        assertEquals(Money.of("60000.00", "CNY"), SCHEDULE.on(LocalDate.of(2026, 6, 1), CNY));
        assertEquals(Money.of("60000.00", "CNY"), SCHEDULE.on(LocalDate.of(2040, 1, 1), CNY));
        assertEquals(Money.of("50000.00", "EUR"), SCHEDULE.on(LocalDate.of(2026, 4, 30), EUR));
        assertEquals(Money.zero(EUR), SCHEDULE.on(LocalDate.of(2026, 5, 1), EUR));
        assertEquals(Money.zero(CNY), InsuredLimitSchedule.NONE.on(LocalDate.of(2026, 4, 1), CNY));
    }

    @Test
    void insuredOnADayInAnyCurrency() {
        assertFalse(SCHEDULE.insuredOn(LocalDate.of(2026, 2, 28)));
        assertTrue(SCHEDULE.insuredOn(LocalDate.of(2026, 3, 1)));
        assertTrue(SCHEDULE.insuredOn(LocalDate.of(2030, 3, 1)));
        InsuredLimitSchedule ended = new InsuredLimitSchedule(List.of(SCHEDULE.periods().get(0)));
        assertTrue(ended.insuredOn(LocalDate.of(2026, 5, 31)));
        assertFalse(ended.insuredOn(LocalDate.of(2026, 6, 1)));
        assertFalse(new InsuredLimitSchedule(List.of(new Period(LocalDate.of(2026, 3, 1), null, Money.zero(CNY), A)))
                .insuredOn(LocalDate.of(2026, 3, 1)), "a zero amount insures nothing");
    }

    @Test
    void readFromTheEventAndKeptAsJsonItIsTheSame() throws Exception {
        String json = SCHEDULE.toJson();
        assertEquals(SCHEDULE, InsuredLimitSchedule.fromJson(json));
        var event = new IncomingEvent("1", "io.tradecredit.claims.insured-limit-schedule-changed.v1", null, "acme", null,
                OffsetDateTime.now(), "t", "k", new ObjectMapper().readTree("{\"periods\":" + json + "}"));
        assertEquals(SCHEDULE, InsuredLimitSchedule.of(event.fields()));
        assertEquals(InsuredLimitSchedule.NONE, InsuredLimitSchedule.fromJson("[]"));
        var at = new IncomingEvent("2", "t", null, "acme", null, OffsetDateTime.now(), "t", "k",
                new ObjectMapper().readTree("{\"computedAt\":\"2026-12-03T21:47:28.5+08:00\"}"));
        assertEquals(OffsetDateTime.parse("2026-12-03T13:47:28.5Z").toInstant(),
                at.fields().dateTime("computedAt").toInstant());
    }
}
