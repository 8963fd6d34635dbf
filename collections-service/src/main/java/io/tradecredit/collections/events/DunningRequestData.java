package io.tradecredit.collections.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.util.RawValue;

import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.domain.PlanInstalment;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.events.RawJson;
import io.tradecredit.common.money.Money;

/**
 * The {@code data} of a dunning message request: what the template fills in (docs/collections-service.md,
 * "What goes out"). The one place it is assembled from {@link LetterFacts}. A part invoice-service has
 * not published (the parties of an older invoice, late charges not stated) is null: the template
 * leaves it out rather than the run inventing it. Written once, straight to UTF-8 JSON ({@link RawJson},
 * which the outbox's and the drafts' ObjectMapper copy as it is): the run writes one per message, and
 * building maps for Jackson, then strings to re-encode, was a large part of its time and allocation
 * (docs/performance.md, issue 12).
 */
public final class DunningRequestData {
    /** Thread-safe; generators are cheap, the factory is not. */
    private static final JsonFactory JSON = new JsonFactory();

    private DunningRequestData() {
    }

    public static RawValue of(DunningMessage message, LetterFacts facts, LocalDate runDate) {
        ByteArrayBuilder out = new ByteArrayBuilder(512 + 768 * message.items().size());
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, message, facts, runDate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RawJson.value(out.toByteArray());
    }

    private static void write(JsonGenerator g, DunningMessage message, LetterFacts facts, LocalDate runDate)
            throws IOException {
        g.writeStartObject();
        if (facts.seller() == null) {
            g.writeNullField("seller");
        } else {
            seller(g, facts.seller());
        }
        g.writeObjectFieldStart("buyer");
        g.writeStringField("buyerId", facts.buyerId().toString());
        g.writeStringField("name", facts.buyerName());
        g.writeStringField("address", facts.buyerAddress());
        g.writeEndObject();
        g.writeArrayFieldStart("invoices");
        for (StepOutcome o : message.items()) {
            invoice(g, facts.invoice(UUID.fromString(o.invoiceReference())), runDate, o);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("step");
        g.writeStringField("key", message.step().key());
        g.writeNumberField("offsetDays", message.step().offsetDays());
        g.writeEndObject();
        g.writeStringField("runDate", runDate.toString());
        // the final payment date formal and finance demands state (docs/collections-service.md, "Payment deadline")
        if (facts.paymentDeadline() != null) {
            g.writeStringField("paymentDeadline", facts.paymentDeadline().toString());
        }
        g.writeArrayFieldStart("priorMessages");
        List<UUID> listed = message.items().stream().map(o -> UUID.fromString(o.invoiceReference())).toList();
        for (LetterFacts.PriorMessage p : facts.priorMessagesAbout(listed)) {
            g.writeStartObject();
            g.writeStringField("stepKey", p.stepKey());
            g.writeStringField("templateKey", p.templateKey());
            g.writeArrayFieldStart("channels");
            for (String c : p.channels()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeStringField("runDate", p.runDate().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void seller(JsonGenerator g, LetterFacts.Party p) throws IOException {
        g.writeObjectFieldStart("seller");
        g.writeStringField("name", p.name());
        g.writeStringField("address", p.address());
        g.writeStringField("taxId", p.taxId());
        g.writeStringField("bankAccount", p.bankAccount());
        g.writeEndObject();
    }

    private static void invoice(JsonGenerator g, LetterFacts.Invoice i, LocalDate runDate, StepOutcome o)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("invoiceId", i.invoiceId().toString());
        g.writeStringField("invoiceNumber", i.invoiceNumber());
        g.writeStringField("purchaseOrderNumber", i.purchaseOrderNumber());
        g.writeStringField("issueDate", i.issueDate() == null ? null : i.issueDate().toString());
        g.writeStringField("dueDate", i.dueDate().toString());
        g.writeNumberField("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), runDate)));
        money(g, "openAmount", i.open());
        money(g, "disputedAmount", i.open().minus(i.collectible()).max(Money.zero(i.open().currency())));
        // what a dispute released beside a kept plan is asked for alone, the plan's part left to its instalments
        money(g, "collectibleAmount", o.instalment() == null && o.collectible() != null
                && o.collectible().currency().equals(i.collectible().currency()) ? i.collectible().min(o.collectible())
                        : i.collectible());
        if (i.lateCharges() == null) {
            g.writeNullField("lateCharges");
        } else {
            lateCharges(g, i.lateCharges());
        }
        if (o.instalment() != null) {
            instalment(g, o.instalment(), o.collectible(), runDate);
        }
        g.writeEndObject();
    }

    /** The plan's instalment the message is about, beside its invoice: number, date, the schedule's amount, what is open of it. */
    private static void instalment(JsonGenerator g, PlanInstalment p, Money open, LocalDate runDate) throws IOException {
        g.writeObjectFieldStart("instalment");
        g.writeStringField("planId", p.planId().toString());
        g.writeNumberField("number", p.number());
        g.writeStringField("dueDate", p.dueDate().toString());
        g.writeNumberField("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(p.dueDate(), runDate)));
        money(g, "amount", p.amount());
        money(g, "openAmount", open);
        g.writeEndObject();
    }

    private static void lateCharges(JsonGenerator g, LetterFacts.LateCharges c) throws IOException {
        g.writeObjectFieldStart("lateCharges");
        g.writeStringField("asOf", c.asOf().toString());
        money(g, "interest", c.interest());
        money(g, "fee", c.fee());
        money(g, "total", c.total());
        g.writeStringField("dailyRate", c.dailyRate().toPlainString());
        g.writeNumberField("feeAfterDays", c.feeAfterDays());
        g.writeStringField("feeRate", c.feeRate().toPlainString());
        g.writeStringField("legalBasis", c.legalBasis());
        g.writeEndObject();
    }

    /** A money object as every payload of the service writes it. */
    static void money(JsonGenerator g, String field, Money m) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("amount", m.amountText());
        g.writeStringField("currency", m.currencyCode());
        g.writeEndObject();
    }

    /** The item references a message lists (for drafts re-checked at approval). */
    public static List<String> items(DunningMessage message) {
        return message.items().stream().map(StepOutcome::itemReference).toList();
    }
}
