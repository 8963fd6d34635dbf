package io.tradecredit.collections.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.collections.app.BuyerContacts;
import io.tradecredit.collections.app.MessageStatuses;
import io.tradecredit.collections.domain.BuyerContact;
import io.tradecredit.collections.domain.MessageStatus;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.EventRuns;
import io.tradecredit.common.events.IncomingEvent;

/**
 * Reads {@code notification-status} once per event id: the status of a dunning message sent to a
 * buyer (purpose {@code dunning}, in any case: the run sends {@code DUNNING}) goes to the buyer's
 * open case. Messages of other purposes or to the tenant are skipped. A contact-changed event keeps
 * the buyer's contact for agencies' case files, a contact-removed event drops it. An event of any of
 * these kinds that cannot be read goes to the DLQ.
 */
@ApplicationScoped
public class NotificationStatusConsumer {
    private static final String STATUS = "status-changed";

    @Inject
    BatchInbox inbox;

    @Inject
    MessageStatuses statuses;

    @Inject
    BuyerContacts contacts;

    /**
     * A poll at a time (the channel has {@code batch=true}): a dunning run's messages come back as a
     * status each, hundreds of thousands after a run over a million invoices, and one transaction per
     * poll instead of one per status is what keeps this reader up with them (docs/performance.md,
     * issue 12); an event that cannot be read still goes to the DLQ alone (chassis {@link BatchInbox}).
     */
    @Incoming("notification-status")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveTogether(CreditEventConsumer.CONSUMER, batch, null, this::apply, this::applyAll);
    }

    /**
     * The poll's new events: each run of statuses together ({@link MessageStatuses#recordAll}: one
     * query of the open cases for the run, not one per status), a contact's events one by one, in
     * the poll's order.
     */
    Uni<Void> applyAll(List<IncomingEvent> fresh) {
        return EventRuns.apply(fresh, e -> STATUS.equals(e.nameFrom("notification")), (ofStatuses, run) -> ofStatuses
                ? statuses.recordAll(run.stream().map(this::status).filter(Objects::nonNull).toList())
                : EventRuns.each(run, this::apply));
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("notification");
        if ("contact-changed".equals(name)) {
            EventFields c = e.fields();
            return contacts.changed(e.tenantId(), c.uuid("buyerId"), new BuyerContact(c.uuid("contactId"),
                    c.text("name"), c.optionalText("function").orElse(null), c.optionalText("email").orElse(null),
                    c.optionalText("mobile").orElse(null), c.optionalText("language").orElse(null)),
                    OffsetDateTime.parse(c.text("changedAt")));
        }
        if ("contact-removed".equals(name)) {
            EventFields c = e.fields();
            return contacts.removed(e.tenantId(), c.uuid("contactId"), OffsetDateTime.parse(c.text("removedAt")));
        }
        if (!STATUS.equals(name)) {
            return Uni.createFrom().voidItem();
        }
        MessageStatuses.Status status = status(e);
        return status == null ? Uni.createFrom().voidItem() : statuses.recordAll(List.of(status));
    }

    /** The status of a dunning message to a buyer; null for another purpose or a message to the tenant. */
    private MessageStatuses.Status status(IncomingEvent e) {
        EventFields d = e.fields();
        EventFields recipient = d.object("recipient");
        if (!"dunning".equalsIgnoreCase(d.text("purpose")) || !"BUYER".equals(recipient.text("kind"))) {
            return null;
        }
        return new MessageStatuses.Status(e.tenantId(), recipient.uuid("buyerId"), new MessageStatuses.Change(
                d.uuid("requestId"), d.text("templateKey"), d.optionalText("channel").orElse(null),
                d.oneOf(MessageStatus.class, "status"), d.optionalText("reason").orElse(null),
                d.integer("attempts")));
    }
}
