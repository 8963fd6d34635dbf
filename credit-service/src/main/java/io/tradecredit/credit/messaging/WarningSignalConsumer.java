package io.tradecredit.credit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.PoisonMessageException;
import io.tradecredit.common.events.TopicNames;
import io.tradecredit.credit.app.Signals;
import io.tradecredit.credit.domain.WarningSignal;

/**
 * Early-warning signals from outside providers on {@value #TOPIC} (ADR 0004), schema
 * {@code io.tradecredit.signals.warning-signal-reported.v1}; the buyer is named by its
 * registration number within the event's tenant.
 */
@ApplicationScoped
public class WarningSignalConsumer {
    /** The chassis' {@link TopicNames#WARNING_SIGNALS}, in {@link TopicNames#ALL} (ADR 0004). */
    public static final String TOPIC = TopicNames.WARNING_SIGNALS;
    public static final String TYPE = "io.tradecredit.signals.warning-signal-reported.v1";

    @Inject
    Inbox inbox;

    @Inject
    Signals signals;

    @Incoming("warning-signals")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(InvoiceEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!TYPE.equals(e.type())) {
            throw new PoisonMessageException("unknown type on " + TOPIC + ": " + e.type());
        }
        EventFields d = e.fields();
        return signals.reportFromProvider(e.tenantId(), d.text("registrationNumber"), new Signals.Report(
                d.oneOf(WarningSignal.class, "type"), d.text("source"), d.date("observedOn"),
                d.optionalText("details").orElse(null)));
    }
}
