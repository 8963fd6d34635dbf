package io.tradecredit.collections.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tradecredit.collections.domain.TenantCalendar;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;

/**
 * The tenant's calendar shared with notification-service as it is set
 * ({@code io.tradecredit.notification.business-days-set.v1} on {@code notification-requests}, keyed by
 * the tenant): its send windows then skip the tenant's holidays and open on its make-up working days
 * (DOMAIN §5, business days). The whole calendar each time; the latest by {@code setAt} counts.
 * {@code V22__share_business_calendars.sql} shared the calendars set before this event existed.
 */
public final class BusinessDaysSet {
    public static final String TYPE = "io.tradecredit.notification.business-days-set.v1";

    private BusinessDaysSet() {
    }

    public static OutgoingEvent of(String tenantId, TenantCalendar calendar, OffsetDateTime setAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("weekend", calendar.weekend().stream().map(Enum::name).toList());
        body.put("holidays", calendar.holidays().stream().map(Object::toString).toList());
        body.put("makeUpWorkingDays", calendar.makeUpWorkingDays().stream().map(Object::toString).toList());
        body.put("setAt", setAt.toString());
        return new OutgoingEvent(TopicNames.NOTIFICATION_REQUESTS, TYPE, "business-calendar", tenantId, tenantId, body);
    }
}
