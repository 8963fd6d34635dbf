package io.tradecredit.claims.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.claims.app.Claims;
import io.tradecredit.claims.app.Exposures;
import io.tradecredit.claims.domain.LedgerNews;
import io.tradecredit.claims.domain.OpenInvoice;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.money.Money;

/**
 * Reads {@code invoice-events} once per event id into the read model of open invoices: an issued
 * invoice is added; every later event that states an invoice's {@code openAmount} (directly or per
 * allocation of a payment, reversal or buyer credit) sets it; a cancelled invoice has nothing open.
 * An agreed payment plan records its last instalment date on its invoices, a broken plan cuts it to the day
 * it broke (kept for the record: the insurer's deadlines count from the end of the MEP whatever the plan,
 * docs/insurance-claims-service.md, "Deadlines").
 * A payment, buyer credit, reversal, credit note, cancellation or invoice paid is also news for the claims holding the
 * invoice ({@link Claims#ledgerSays}: "Payments after a claim opened"); the insurer's own payments and write-offs are not.
 * Other types are skipped; a known event it cannot read goes to
 * {@code invoice-events.dlq.insurance-claims-service}.
 */
@ApplicationScoped
public class InvoiceEventConsumer {
    static final String CONSUMER = "insurance-claims-service";

    @Inject
    BatchInbox inbox;

    @Inject
    Exposures exposures;

    @Inject
    Claims claims;

    /**
     * A poll at a time (the channel has {@code batch=true}): one transaction and one inbox statement for
     * the poll's events instead of one of each per event, which was most of what a payment cost this reader
     * (issue 15); the poll's events go into the read model in order, then their news to the claims, whose holders are
     * found with one statement for the poll ({@link Claims#ledgerSays}), not one per payment. An event that cannot be
     * read, or whose invoice is not here yet, fails the poll's transaction and the poll is applied again one event at a
     * time, as before (chassis {@link BatchInbox#receiveTogether}).
     */
    @Incoming("invoice-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveTogether(CONSUMER, batch, null, this::apply, this::applyAll);
    }

    /** One event on its own: the read model, then its news for the claims. */
    Uni<Void> apply(IncomingEvent e) {
        List<Claims.Told> news = new ArrayList<>();
        return readModel(e, news).chain(() -> claims.ledgerSays(news));
    }

    /** The poll's new events: each into the read model in order, then all their news for the claims together. */
    Uni<Void> applyAll(List<IncomingEvent> events) {
        List<Claims.Told> news = new ArrayList<>();
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(e -> readModel(e, news))
                .collect().last().chain(() -> claims.ledgerSays(news));
    }

    /** The event into the read model; what it tells the claims is added to {@code news}, in order. */
    private Uni<Void> readModel(IncomingEvent e, List<Claims.Told> news) {
        String name = e.nameFrom("invoice");
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        String tenant = e.tenantId();
        EventFields d = e.fields();
        return switch (name) {
            case "issued" -> exposures.issued(tenant, new OpenInvoice(d.uuid("invoiceId"), d.uuid("buyerId"),
                    d.text("invoiceNumber"), d.date("issueDate"), d.date("dueDate"), d.money("total"), d.money("openAmount")),
                    d.text("buyerName"));
            // a plan's last instalment is kept on its invoices, cut to the day it ended (broken, or completed: its
            // principal settled); the insurer's deadlines do not depend on it (InvoiceDeadlines)
            case "payment-plan-agreed" -> exposures.planAgreed(tenant, d.uuids("invoiceIds"), d.objects("instalments")
                    .stream().map(i -> i.date("dueDate")).max(java.time.LocalDate::compareTo).orElseThrow());
            case "plan-broken", "plan-completed" -> exposures.planEnded(tenant, d.uuids("invoiceIds"), d.date("asOf"));
            case "cancelled" -> {
                Money nothing = Money.zero(d.money("total").currency());
                LedgerNews told = new LedgerNews(e.id(), name, d.uuid("invoiceId"), nothing, nothing);
                yield exposures.cancelled(tenant, d.uuid("invoiceId")).invoke(() -> news.add(new Claims.Told(tenant, told)));
            }
            case "payment-received", "payment-reversed", "buyer-credit-applied" -> {
                // the insurer's payment of an indemnity is not the buyer's: it changes no claim
                boolean buyers = !d.has("payer") || !"INSURER".equals(d.object("payer").text("kind"));
                // its reversal takes back from a claim what this payment brought to it
                java.util.UUID paymentId = d.uuid("buyer-credit-applied".equals(name) ? "applicationId" : "paymentId");
                List<Claims.Told> told = new ArrayList<>();
                for (EventFields a : d.objects("allocations")) {
                    told.add(new Claims.Told(tenant, new LedgerNews(e.id(), name, a.uuid("invoiceId"), a.money("openAmount"),
                            "payment-reversed".equals(name) ? a.money("amount").negate() : a.money("amount"), paymentId)));
                }
                yield Multi.createFrom().iterable(d.objects("allocations")).onItem()
                        .transformToUniAndConcatenate(a -> exposures.open(tenant, a.uuid("invoiceId"), a.money("openAmount")))
                        .collect().last().invoke(() -> news.addAll(buyers ? told : List.of())).replaceWithVoid();
            }
            // what the buyer owes changed without money of the buyer's: a claim's unpaid amount follows before approval
            case "paid", "credit-note-issued" -> {
                LedgerNews told = new LedgerNews(e.id(), name, d.uuid("invoiceId"), d.money("openAmount"),
                        Money.zero(d.money("openAmount").currency()));
                yield exposures.open(tenant, d.uuid("invoiceId"), d.money("openAmount"))
                        .invoke(() -> news.add(new Claims.Told(tenant, told)));
            }
            // a write-off is the tenant's loss, not a payment: it changes no claim
            case "written-off", "dispute-opened", "dispute-resolved", "became-overdue", "receipt-confirmed",
                    "late-charges-stated" -> exposures.open(tenant, d.uuid("invoiceId"), d.money("openAmount"));
            default -> Uni.createFrom().voidItem();
        };
    }
}
