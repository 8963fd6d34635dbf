package io.tradecredit.credit.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Inbox;
import io.tradecredit.common.events.IncomingEvent;
import io.tradecredit.common.events.PoisonMessageException;
import io.tradecredit.common.money.Money;
import io.tradecredit.credit.app.Ledger;
import io.tradecredit.credit.domain.LedgerChange;
import io.tradecredit.credit.domain.RegradeRule.Happened;
import io.tradecredit.credit.domain.RegradeRule.LedgerEvent;

/**
 * Reads {@code invoice-events} (schemas {@code io.tradecredit.invoice.*.v1}), once per event id:
 * each event becomes the changes to the buyer's invoice positions and what happened, for
 * {@link Ledger} (which of them re-grade the buyer is {@link io.tradecredit.credit.domain.RegradeRule}'s
 * call). Types it does not know are skipped, so invoice-service can add events without
 * breaking this consumer; a known event it cannot read goes to the DLQ.
 */
@ApplicationScoped
public class InvoiceEventConsumer {
    static final String CONSUMER = "credit-service";
    private static final String PREFIX = "io.tradecredit.invoice.";

    @Inject
    Inbox inbox;

    @Inject
    Ledger ledger;

    @Incoming("invoice-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.receive(CONSUMER, record, this::apply).replaceWithVoid();
    }

    Uni<Void> apply(IncomingEvent e) {
        if (!e.type().startsWith(PREFIX) || !e.type().endsWith(".v1")) {
            return Uni.createFrom().voidItem();
        }
        String name = e.type().substring(PREFIX.length(), e.type().length() - 3);
        JsonNode d = e.data();
        List<LedgerChange> changes = new ArrayList<>();
        LedgerEvent happened;
        switch (name) {
            case "issued" -> {
                changes.add(new LedgerChange(uuid(d, "invoiceId"), text(d, "invoiceNumber"), money(d, "total"),
                        money(d, "openAmount"), date(d, "dueDate"), null, null, null));
                happened = LedgerEvent.of(Happened.ISSUED);
            }
            case "receipt-confirmed", "written-off", "credit-note-issued", "cancelled" -> {
                changes.add(LedgerChange.open(uuid(d, "invoiceId"), d.has("openAmount") ? money(d, "openAmount")
                        : Money.zero(money(d, "total").currency())));
                happened = LedgerEvent.of(Happened.valueOf(constant(name)));
            }
            case "payment-received", "payment-reversed", "buyer-credit-applied" -> {
                for (JsonNode a : required(d, "allocations")) {
                    changes.add(LedgerChange.open(uuid(a, "invoiceId"), money(a, "openAmount")));
                }
                happened = LedgerEvent.of(Happened.valueOf(constant(name)));
            }
            case "paid" -> {
                int dpd = required(d, "daysPastDue").asInt();
                changes.add(new LedgerChange(uuid(d, "invoiceId"), null, null, money(d, "openAmount"), null, null,
                        date(d, "paidOn"), dpd));
                happened = LedgerEvent.paid(text(d, "invoiceNumber"), dpd);
            }
            case "became-overdue" -> {
                changes.add(LedgerChange.open(uuid(d, "invoiceId"), money(d, "openAmount")));
                happened = LedgerEvent.ofInvoice(Happened.BECAME_OVERDUE, text(d, "invoiceNumber"));
            }
            case "dispute-opened" -> {
                changes.add(disputed(d, money(d, "disputedAmount").amount()));
                happened = LedgerEvent.ofInvoice(Happened.DISPUTE_OPENED, text(d, "invoiceNumber"));
            }
            case "dispute-resolved" -> {
                changes.add(disputed(d, money(d, "disputedAmount").amount().negate()));
                happened = LedgerEvent.ofInvoice(Happened.DISPUTE_RESOLVED, text(d, "invoiceNumber"));
            }
            case "instalment-missed" -> happened = LedgerEvent.instalmentMissed(
                    required(d, "instalmentNumber").asInt());
            case "plan-broken" -> happened = LedgerEvent.planBroken(text(d, "reason"));
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
        return ledger.apply(e.tenantId(), uuid(d, "buyerId"), changes, happened);
    }

    /** "credit-note-issued" is {@link Happened#CREDIT_NOTE_ISSUED}. */
    private static String constant(String eventName) {
        return eventName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static LedgerChange disputed(JsonNode d, BigDecimal delta) {
        return new LedgerChange(uuid(d, "invoiceId"), null, null, money(d, "openAmount"), null, delta, null, null);
    }

    static JsonNode required(JsonNode d, String field) {
        JsonNode v = d.get(field);
        if (v == null || v.isNull()) {
            throw new PoisonMessageException("event lacks " + field);
        }
        return v;
    }

    static String text(JsonNode d, String field) {
        return required(d, field).asText();
    }

    static UUID uuid(JsonNode d, String field) {
        try {
            return UUID.fromString(text(d, field));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(field + " is not a UUID: " + d.get(field));
        }
    }

    static LocalDate date(JsonNode d, String field) {
        try {
            return LocalDate.parse(text(d, field));
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException(field + " is not a date: " + d.get(field));
        }
    }

    static Money money(JsonNode d, String field) {
        JsonNode m = required(d, field);
        try {
            return Money.of(text(m, "amount"), text(m, "currency"));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(field + " is not money: " + m);
        }
    }
}
