package io.tradecredit.collections.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tradecredit.collections.app.CaseReactions;
import io.tradecredit.collections.app.ReadModel;
import io.tradecredit.collections.app.ReadModel.Amounts;
import io.tradecredit.collections.app.ReadModel.Instalment;
import io.tradecredit.collections.app.ReadModel.Issued;
import io.tradecredit.collections.app.ReadModel.LateChargesStated;
import io.tradecredit.collections.app.ReadModel.Parties;
import io.tradecredit.collections.app.ReceivedPayments;
import io.tradecredit.common.events.EventFields;
import io.tradecredit.common.events.BatchInbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * Reads {@code invoice-events} (schemas {@code io.tradecredit.invoice.*.v1}) once per event id
 * into the read model ({@link ReadModel}), with the amounts each event states. Types it does not
 * know are skipped, so invoice-service can add events without breaking this consumer; a known
 * event it cannot read (a required field missing or unreadable) goes to the DLQ.
 */
@ApplicationScoped
public class InvoiceEventConsumer {
    static final String CONSUMER = "collections-service";

    @Inject
    BatchInbox inbox;

    @Inject
    ReadModel readModel;

    @Inject
    ReceivedPayments payments;

    @Inject
    CaseReactions reactions;

    @Inject
    BusinessTimeZone businessZone;

    /**
     * A poll at a time (the channel has {@code batch=true}): one transaction and one inbox insert per
     * poll instead of per event is what keeps a payment's case-closed within a second at 200
     * payments/s (issue 15, docs/performance.md); an event it cannot read still goes to the DLQ
     * alone (chassis {@link BatchInbox}).
     */
    @Incoming("invoice-events")
    public Uni<Void> on(KafkaRecordBatch<String, String> batch) {
        return inbox.receiveAll(CONSUMER, batch, this::apply);
    }

    Uni<Void> apply(IncomingEvent e) {
        String name = e.nameFrom("invoice");
        if (name == null) {
            return Uni.createFrom().voidItem();
        }
        String tenant = e.tenantId();
        EventFields d = e.fields();
        Uni<Void> applied = readModel(e, name, tenant, d);
        return CaseReactions.reactsTo(name)
                ? applied.chain(() -> reactions.after(tenant, name, d.uuid("buyerId"), caseLogOf(name, d)))
                : applied;
    }

    /** What a case's log keeps of a dispute event or of a plan's end (empty for any other). */
    private static Map<String, Object> caseLogOf(String name, EventFields d) {
        if (name.equals("plan-broken") || name.equals("plan-completed")) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("planId", d.text("planId"));
            log.put("asOf", d.date("asOf").toString());
            if (name.equals("plan-broken")) {
                log.put("reason", d.text("reason"));
                Money open = d.money("openAmount");
                log.put("openAmount", open.amountText());
                log.put("currency", open.currencyCode());
            }
            return log;
        }
        if (!name.startsWith("dispute-")) {
            return Map.of();
        }
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("disputeId", d.text("disputeId"));
        log.put("invoiceId", d.text("invoiceId"));
        log.put("invoiceNumber", d.text("invoiceNumber"));
        Money disputed = d.money("disputedAmount");
        log.put("disputedAmount", disputed.amountText());
        log.put("currency", disputed.currencyCode());
        log.put("collectibleAmount", d.money("collectibleAmount").amountText());
        if (name.equals("dispute-opened")) {
            log.put("type", d.text("type"));
        } else {
            log.put("outcome", d.text("outcome"));
            log.put("creditedAmount", d.money("creditedAmount").amountText());
        }
        return log;
    }

    private Uni<Void> readModel(IncomingEvent e, String name, String tenant, EventFields d) {
        return switch (name) {
            case "issued" -> readModel.issued(tenant, new Issued(d.uuid("invoiceId"), d.uuid("buyerId"),
                    d.text("invoiceNumber"), d.optionalText("purchaseOrderNumber").orElse(null),
                    d.optionalText("buyerName").orElse(null), d.date("issueDate"), d.date("dueDate"), d.money("total"),
                    d.money("openAmount"), d.optionalText("paymentTerms").orElse(null), partiesOf(d)));
            case "late-charges-stated" -> readModel.lateChargesStated(tenant, lateChargesOf(d));
            case "payment-received" -> allocations(tenant, d).chain(() -> payments.received(tenant,
                    d.uuid("paymentId"), d.uuid("buyerId"), d.date("receivedOn"), d.money("amount")));
            // the event states no date: a reversal counts from the day it happened (the event's time)
            case "payment-reversed" -> allocations(tenant, d).chain(() -> payments.reversed(tenant,
                    d.uuid("paymentId"), e.time() == null ? businessZone.today()
                            : businessZone.dateOf(e.time())));
            case "buyer-credit-applied" -> allocations(tenant, d);
            case "credit-note-issued", "receipt-confirmed" -> one(tenant,
                    new Amounts(d.uuid("invoiceId"), d.money("openAmount"), null, d.date("dueDate"), null));
            // what a dispute running when the invoice's plan was agreed releases is owed beside the plan (V30)
            case "dispute-resolved" -> readModel.disputeResolved(tenant, d.uuid("invoiceId"), d.money("disputedAmount"),
                    d.money("creditedAmount")).chain(() -> one(tenant, new Amounts(
                    d.uuid("invoiceId"), d.money("openAmount"), d.money("collectibleAmount"), d.date("dueDate"), null)));
            case "dispute-opened", "became-overdue" -> one(tenant, new Amounts(
                    d.uuid("invoiceId"), d.money("openAmount"), d.money("collectibleAmount"), d.date("dueDate"), null));
            case "paid" -> one(tenant, new Amounts(d.uuid("invoiceId"), d.money("openAmount"), null, null, "PAID"));
            case "written-off" -> one(tenant,
                    new Amounts(d.uuid("invoiceId"), d.money("openAmount"), null, null, "WRITTEN_OFF"));
            case "cancelled" -> one(tenant, new Amounts(d.uuid("invoiceId"),
                    Money.zero(d.money("total").currency()), null, null, "CANCELLED"));
            case "payment-plan-agreed" -> readModel.planAgreed(tenant, d.uuid("planId"), d.uuid("buyerId"),
                    d.uuids("invoiceIds"), d.money("principal"), d.objects("instalments").stream()
                            .map(i -> new Instalment(i.integer("number"), i.date("dueDate"), i.money("amount"),
                                    i.optionalMoney("principal").orElse(null))).toList());
            case "instalment-missed" -> readModel.instalmentMissed(tenant, d.uuid("planId"),
                    d.integer("instalmentNumber"));
            case "plan-broken" -> readModel.planBroken(tenant, d.uuid("planId"), d.date("asOf"));
            case "plan-completed" -> readModel.planCompleted(tenant, d.uuid("planId"), d.date("asOf"));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> allocations(String tenant, EventFields d) {
        return readModel.amounts(tenant, d.objects("allocations").stream()
                .map(a -> Amounts.open(a.uuid("invoiceId"), a.money("openAmount"))).toList());
    }

    /** Added to issued.v1 later: an older event without them leaves them null. */
    private static Parties partiesOf(EventFields d) {
        return new Parties(d.optionalText("sellerName").orElse(null), d.optionalText("sellerAddress").orElse(null),
                d.optionalText("sellerTaxId").orElse(null), d.optionalText("sellerBankAccount").orElse(null),
                d.optionalText("buyerAddress").orElse(null));
    }

    private static LateChargesStated lateChargesOf(EventFields d) {
        EventFields terms = d.object("terms");
        return new LateChargesStated(d.uuid("invoiceId"), d.date("asOf"), d.money("interest"), d.money("lateFee"),
                d.money("totalCharges"), terms.decimal("dailyRate"), terms.integer("feeAfterDays"),
                terms.decimal("feeRate"), terms.text("source"),
                terms.optionalText("legalBasis").orElse(null));
    }

    private Uni<Void> one(String tenant, Amounts change) {
        return readModel.amounts(tenant, List.of(change));
    }
}
