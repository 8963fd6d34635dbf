package io.tradecredit.notification.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.EventRuns;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.PoisonMessageException;
import io.tradecredit.notification.app.BusinessCalendars;
import io.tradecredit.notification.app.DeliveryRuns;
import io.tradecredit.notification.app.Intake;
import io.tradecredit.notification.app.Withdrawals;
import io.tradecredit.notification.domain.BusinessDays;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.MessageRequest;
import io.tradecredit.notification.domain.Withdrawal;

/**
 * Reads {@code notification-requests} a poll at a time ({@link BatchInbox}), once per event id (the request id), and hands each
 * {@code message-requested} to {@link Intake}, each {@code withdrawal-requested} to
 * {@link Withdrawals} and each {@code business-days-set} (a tenant's calendar) to {@link BusinessCalendars}. An event of either that cannot be read goes to
 * {@code notification-requests.dlq.notification-service}; other types are skipped.
 */
@ApplicationScoped
public class NotificationRequestConsumer {
    static final String CONSUMER = "notification-service";
    private static final String REQUESTED = "message-requested";
    private static final String BUSINESS_DAYS_SET = "business-days-set";

    @Inject
    BatchInbox inbox;

    @Inject
    Intake intake;

    @Inject
    DeliveryRuns deliveryRuns;

    /**
     * A poll at a time: one transaction and one inbox statement for all its requests, taken in
     * together ({@link #applyAll}); a poll that fails together is applied again one event at a time
     * ({@link #apply}), as {@link BatchInbox#receiveTogether} does (issue 13).
     */
    @Incoming("notification-requests")
    public Uni<Void> on(KafkaRecordBatch<String, String> poll) {
        return inbox.receiveTogether(CONSUMER, poll, null, this::apply, this::applyAll).invoke(deliveryRuns::messagesStored);
    }

    /**
     * The poll's new events in runs of one kind, in order: each run of requests taken in together
     * ({@link Intake#requestAll}), withdrawals one by one; so a withdrawal after its request in the
     * same poll finds the request recorded and withdraws it, and a request after its withdrawal
     * finds the withdrawal.
     */
    Uni<Void> applyAll(List<IncomingEvent> fresh) {
        return EventRuns.apply(fresh, e -> REQUESTED.equals(e.nameFrom("notification")), (requests, run) -> requests
                ? intake.requestAll(run.stream().map(e -> new Intake.Requested(e.tenantId(), request(e))).toList())
                : EventRuns.each(run, this::apply));
    }

    @Inject
    Withdrawals withdrawals;

    @Inject
    BusinessCalendars calendars;

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("notification");
        if ("withdrawal-requested".equals(name)) {
            EventFields d = e.fields();
            UUID requestId = d.uuid("requestId");
            String reason = d.optionalText("reason").orElse(null);
            String by = d.optionalText("requestedBy").orElse(null);
            List<String> problems = Withdrawal.problems(reason, by);
            if (!problems.isEmpty()) {
                throw new PoisonMessageException("event " + e.id() + ": " + String.join("; ", problems));
            }
            return withdrawals.withdraw(e.tenantId(), requestId, reason, by);
        }
        if (BUSINESS_DAYS_SET.equals(name)) {
            EventFields d = e.fields();
            return calendars.set(e.tenantId(), new BusinessDays(Set.copyOf(d.dates("holidays")),
                    Set.copyOf(d.dates("makeUpWorkingDays"))), d.dateTime("setAt"));
        }
        if (!REQUESTED.equals(name)) {
            return Uni.createFrom().voidItem();
        }
        return intake.request(e.tenantId(), request(e));
    }

    static MessageRequest request(IncomingEvent e) {
        EventFields d = e.fields();
        EventFields recipient = d.object("recipient");
        MessageRequest.RecipientKind kind = recipient.oneOf(MessageRequest.RecipientKind.class, "kind");
        d.object("data");
        Optional<Language> hint = d.optionalText("languageHint").map(tag -> Language.ofTag(tag).orElseThrow(
                () -> new PoisonMessageException("event " + e.id() + ": languageHint is not zh-CN or en: " + tag)));
        return new MessageRequest(d.uuid("requestId"), d.text("purpose"), d.text("templateKey"),
                d.has("channel") ? Optional.of(d.oneOf(ChannelType.class, "channel")) : Optional.empty(), kind,
                kind == MessageRequest.RecipientKind.BUYER ? recipient.uuid("buyerId") : null, hint,
                d.bool("critical"), d.bool("legallyRequired", false), (ObjectNode) e.data().get("data"),
                d.bool("attachLetter", false));
    }
}
