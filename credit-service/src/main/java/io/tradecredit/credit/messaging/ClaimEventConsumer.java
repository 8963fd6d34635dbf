package io.tradecredit.credit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.credit.app.InsuranceStops;
import io.tradecredit.credit.app.InsuredLimits;
import io.tradecredit.credit.domain.InsuredLimitDecision;

/**
 * Reads {@code claim-events} (schemas {@code io.tradecredit.claims.*.v1}) once per event id:
 * {@code stop-deliveries-started} is recorded ({@link InsuranceStops}) so that the credit check says new
 * deliveries to the buyer are not insured; {@code insured-limit-changed} is kept ({@link InsuredLimits}) so that
 * it splits the buyer's exposure into insured and uninsured parts. Every other type is skipped; one of these two
 * that cannot be read goes to the DLQ {@code claim-events.dlq.credit-service}.
 */
@ApplicationScoped
public class ClaimEventConsumer {
    @Inject
    Inbox inbox;

    @Inject
    InsuranceStops stops;

    @Inject
    InsuredLimits limits;

    @Incoming("claim-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(InvoiceEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("claims");
        if ("insured-limit-changed".equals(name)) {
            return limits.changed(e.tenantId(), announced(e.fields()));
        }
        if (!"stop-deliveries-started".equals(name)) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        return stops.started(e.tenantId(), d.uuid("buyerId"), d.uuid("policyId"), d.date("from"),
                d.uuid("notificationId"));
    }

    static InsuredLimitDecision.Announced announced(EventFields d) {
        return new InsuredLimitDecision.Announced(d.uuid("policyId"), d.text("policyNumber"), d.text("insurer"),
                d.uuid("buyerId"), d.text("decisionId"), d.oneOf(InsuredLimitDecision.Outcome.class, "outcome"),
                d.optionalMoney("decidedAmount").orElse(null), d.money("insuredLimit").currencyCode(),
                d.date("effectiveFrom"), d.has("expiresOn") ? d.date("expiresOn") : null, d.text("source"),
                d.date("recordedOn"));
    }
}
