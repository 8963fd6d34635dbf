package io.tradecredit.notification.events;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.notification.domain.Contact;

/**
 * {@code io.tradecredit.notification.contact-removed.v1} on {@code notification-status}, keyed by the
 * buyer id like {@link ContactChanged} (so a removal follows the contact's changes): a tenant removed
 * a buyer's contact; whoever keeps a copy drops it (collections-service, from agencies' case files).
 */
public final class ContactRemoved {
    public static final String TYPE = "io.tradecredit.notification.contact-removed.v1";

    private ContactRemoved() {
    }

    public static OutgoingEvent of(String tenantId, Contact c, OffsetDateTime at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contactId", c.id().toString());
        body.put("buyerId", c.buyerId().toString());
        body.put("removedAt", at.toString());
        return new OutgoingEvent(TopicNames.NOTIFICATION_STATUS, TYPE, "buyer-contacts", c.buyerId().toString(), tenantId,
                body);
    }
}
