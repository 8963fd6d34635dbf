package io.tradecredit.credit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.credit.app.InsuranceStops;
import io.tradecredit.credit.app.InsuredLimits;
import io.tradecredit.credit.domain.InsuranceCover.StopCause;

/**
 * Reads {@code claim-events} (schemas {@code io.tradecredit.claims.*.v1}) once per event id:
 * {@code stop-deliveries-started} is recorded ({@link InsuranceStops}) so that the credit check says new
 * deliveries to the buyer are not insured, and {@code stop-deliveries-withdrawn} replaces it with the stop that
 * stands now or lifts it when none does; {@code insured-limit-schedule-changed} is kept ({@link InsuredLimits}) so
 * that it splits the buyer's exposure into insured and uninsured parts ({@code insured-limit-changed}, each decision,
 * is skipped: the schedule says all the check needs). Every other type is skipped; one of these three
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
        if ("insured-limit-schedule-changed".equals(name)) {
            EventFields d = e.fields();
            return limits.scheduleChanged(e.tenantId(), d.uuid("buyerId"), InsuredLimitSchedule.of(d),
                    d.dateTime("computedAt"));
        }
        if ("stop-deliveries-withdrawn".equals(name)) {
            EventFields d = e.fields();
            UUID buyerId = d.uuid("buyerId");
            UUID policyId = d.uuid("policyId");
            if (!d.has("from")) {
                return stops.withdrawn(e.tenantId(), buyerId, policyId, null, null, null);
            }
            return stops.withdrawn(e.tenantId(), buyerId, policyId, d.date("from"), d.uuid("notificationId"),
                    cause(d));
        }
        if (!"stop-deliveries-started".equals(name)) {
            return Uni.createFrom().voidItem();
        }
        EventFields d = e.fields();
        return stops.started(e.tenantId(), d.uuid("buyerId"), d.uuid("policyId"), d.date("from"),
                d.uuid("notificationId"), cause(d));
    }

    /**
     * The stop's cause; an event written before claims named it was an overdue notification's (its schema); a cause
     * this service does not know yet is kept as none (the check names the stop's day only), not refused.
     */
    private static StopCause cause(EventFields d) {
        String cause = d.optionalText("cause").orElse(StopCause.NOTIFIED.name());
        return java.util.Arrays.stream(StopCause.values()).filter(c -> c.name().equals(cause)).findFirst().orElse(null);
    }
}
