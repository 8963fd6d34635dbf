package io.tradecredit.notification.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.notification.domain.Contact;

/**
 * {@code io.tradecredit.notification.contact-changed.v1} on {@code notification-status}, keyed by
 * the buyer id (so a buyer's changes stay in order): a buyer's contact was entered or changed,
 * with what another service may show of it (collections-service puts it in an agency's case file).
 * Postal address, time zone and opt-outs stay here: they are for sending, which is this service's.
 */
public final class ContactChanged {
    public static final String TYPE = "io.tradecredit.notification.contact-changed.v1";

    private ContactChanged() {
    }

    public static OutgoingEvent of(String tenantId, Contact c, OffsetDateTime at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", c.id().toString());
        body.put("buyerId", c.buyerId().toString());
        body.put("name", c.name());
        body.put("function", c.function());
        body.put("email", c.email());
        body.put("mobile", c.mobile());
        body.put("language", c.language() == null ? null : c.language().tag());
        body.put("changedAt", at.toString());
        return new OutgoingEvent(TopicNames.NOTIFICATION_STATUS, TYPE, "buyer-contacts", c.buyerId().toString(), tenantId,
                body);
    }
}
