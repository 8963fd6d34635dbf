package io.tradecredit.collections.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.app.Claims;
import io.tradecredit.collections.app.InsuredBuyers;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.insurance.InsuredLimitSchedule;

/**
 * Reads {@code claim-events} once per event id into {@link Claims}: claim-opened holds the claimed
 * invoices and logs the claim on the buyer's case, indemnity-paid closes the case as CLAIMED,
 * claim-rejected (and claim-withdrawn, a draft not filed) ends the holds and gives the case back to the collector, insured-limit-schedule-changed
 * keeps the buyer's insured-limit schedule for the segment rules' "insured" (insured-limit-changed, one
 * decision, is skipped: the schedule says all this service needs). Other claim events are
 * skipped; a known one that cannot be read goes to the DLQ.
 */
@ApplicationScoped
public class ClaimEventConsumer {
    @Inject
    Inbox inbox;

    @Inject
    Claims claims;

    @Inject
    InsuredBuyers insured;

    @Incoming("claim-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CreditEventConsumer.CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("claims");
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        String tenant = e.tenantId();
        EventFields d = e.fields();
        return switch (name) {
            case "claim-opened" -> claims.opened(tenant, d.uuid("claimId"), d.uuid("buyerId"), invoices(d),
                    d.text("cause"), d.optionalText("trigger").orElse(null));
            case "indemnity-paid" -> claims.indemnityPaid(tenant, d.uuid("claimId"), d.uuid("buyerId"));
            case "claim-rejected" -> claims.rejected(tenant, d.uuid("claimId"), d.uuid("buyerId"), d.text("reason"));
            case "claim-withdrawn" -> claims.withdrawn(tenant, d.uuid("claimId"), d.uuid("buyerId"), d.text("reason"));
            case "insured-limit-schedule-changed" -> insured.scheduleChanged(tenant, d.uuid("buyerId"),
                    InsuredLimitSchedule.of(d), d.dateTime("computedAt"));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** The claimed invoices; the id is null for one the claim names only by number. */
    private static List<Claims.ClaimedInvoice> invoices(EventFields d) {
        return d.objects("invoices").stream().map(i -> new Claims.ClaimedInvoice(i.text("invoiceNumber"),
                i.has("invoiceId") ? i.uuid("invoiceId") : null)).toList();
    }
}
