package io.tradecredit.notification.app;

import static io.tradecredit.notification.Fixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tradecredit.testing.Database;
import io.tradecredit.testing.Topics;

/**
 * The tenant's calendar as collections-service shares it ({@code business-days-set} on the real
 * {@code notification-requests}, schema-checked): a message requested waits over the tenant's holidays
 * and goes out on a make-up working day (DOMAIN §5: business days). The window only knew weekdays: a
 * dunning email went out on National Day.
 */
@QuarkusTest
class BusinessDaysWindowTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** collections-service's event, as BusinessDaysSet writes it; returns its event id once it is read. */
    static String calendar(String tenant, List<LocalDate> holidays, List<LocalDate> makeUp, OffsetDateTime setAt) {
        String id = UUID.randomUUID().toString();
        Topics.sendEvent("notification-requests", tenant, "notification", "business-days-set", tenant, id,
                Map.of("weekend", List.of("SATURDAY", "SUNDAY"), "holidays", holidays.stream().map(Object::toString).toList(),
                        "makeUpWorkingDays", makeUp.stream().map(Object::toString).toList(), "setAt", setAt.toString()));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Database.count("select count(*) from inbox where event_id = ?", id) == 1);
        return id;
    }

    /** A tenant whose window opens 09:00-18:00 on {@code day}'s weekday only. */
    static String tenantOpenOnTheWeekdayOf(UUID buyer, LocalDate day) {
        String tenant = EmailDeliveryTest.tenantWithContact(buyer, "bd-" + buyer + "@globex.example", "en");
        DayOfWeek only = day.getDayOfWeek();
        settings(tenant, Map.of("sendWindow", Map.of("opens", "09:00", "closes", "18:00", "days", List.of(only.name()))));
        return tenant;
    }

    @Test
    void aHolidayIsSkippedAndAnOlderCalendarReadLateChangesNothing() {
        UUID buyer = UUID.randomUUID();
        LocalDate holiday = LocalDate.now(SHANGHAI).plusDays(2);
        String tenant = tenantOpenOnTheWeekdayOf(buyer, holiday);
        calendar(tenant, List.of(holiday), List.of(), OffsetDateTime.now());
        calendar(tenant, List.of(), List.of(), OffsetDateTime.now().minusDays(1));

        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        assertEquals(holiday.plusDays(7).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "the window's next weekday after the holiday");
    }

    @Test
    void aMakeUpWorkingDayOpensTheWindowWhateverItsWeekdayAndALaterCalendarReplacesTheFirst() {
        UUID buyer = UUID.randomUUID();
        LocalDate today = LocalDate.now(SHANGHAI);
        String tenant = tenantOpenOnTheWeekdayOf(buyer, today.plusDays(2));
        calendar(tenant, List.of(today.plusDays(2)), List.of(), OffsetDateTime.now().minusMinutes(1));
        calendar(tenant, List.of(), List.of(today.plusDays(1)), OffsetDateTime.now());

        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        assertEquals(today.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id));
    }

    @Test
    void aCalendarSharedAfterTheMessageWasQueuedBringsItForwardToAMakeUpDayAndHoldsItOverANewHoliday() {
        LocalDate today = LocalDate.now(SHANGHAI);
        Queued q = queuedForTheDayAfterTomorrow(today);
        String tenant = q.tenant();
        UUID id = q.id();

        calendar(tenant, List.of(), List.of(today.plusDays(1)), OffsetDateTime.now().minusMinutes(1));
        assertEquals(today.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "brought forward to the make-up working day shared after it was queued");

        calendar(tenant, List.of(today.plusDays(2)), List.of(), OffsetDateTime.now());
        assertEquals(today.plusDays(9).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "the make-up day taken back and its weekday a holiday: the window's next weekday after it");

        calendar(tenant, List.of(), List.of(today.plusDays(1)), OffsetDateTime.now().minusDays(1));
        assertEquals(today.plusDays(9).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "an older calendar read late changes nothing");
    }

    @Test
    void aSendWindowChangedAfterTheMessageWasQueuedBringsItForwardWhenWidenedAndHoldsItWhenNarrowed() {
        LocalDate today = LocalDate.now(SHANGHAI);
        Queued q = queuedForTheDayAfterTomorrow(today);
        String tenant = q.tenant();
        UUID id = q.id();

        settings(tenant, Map.of("sendWindow", Map.of("opens", "08:00", "closes", "20:00", "days",
                List.of(today.plusDays(1).getDayOfWeek().name(), today.plusDays(2).getDayOfWeek().name()))));
        assertEquals(today.plusDays(1).atTime(8, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "widened to tomorrow's weekday from 08:00: brought forward to it");

        settings(tenant, Map.of("sendWindow", Map.of("opens", "10:00", "closes", "18:00", "days",
                List.of(today.plusDays(3).getDayOfWeek().name()))));
        assertEquals(today.plusDays(3).atTime(10, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id),
                "narrowed to another weekday from 10:00: held until it opens, not only at the hand-over");
    }

    /** An email queued by a tenant whose window is open 09:00-18:00 on one weekday only: the day after tomorrow's. */
    private record Queued(String tenant, UUID id) {
    }

    private Queued queuedForTheDayAfterTomorrow(LocalDate today) {
        UUID buyer = UUID.randomUUID();
        String tenant = tenantOpenOnTheWeekdayOf(buyer, today.plusDays(2));
        UUID id = EmailDeliveryTest.requested(tenant, buyer, false);
        assertEquals(today.plusDays(2).atTime(9, 0).atZone(SHANGHAI).toInstant(), EmailDeliveryTest.dueAt(tenant, id));
        return new Queued(tenant, id);
    }
}
