package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.LetterFacts;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.money.Money;

/**
 * The {@code data} of a dunning message request: what the template fills in (docs/collections-service.md,
 * "What goes out"). The one place it is assembled from {@link LetterFacts}. A part invoice-service has
 * not published (the parties of an older invoice, late charges not stated) is null: the template
 * leaves it out rather than the run inventing it.
 */
public final class DunningRequestData {
    private DunningRequestData() {
    }

    public static Map<String, Object> of(DunningMessage message, LetterFacts facts, LocalDate runDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seller", facts.seller() == null ? null : seller(facts.seller()));
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("buyerId", facts.buyerId().toString());
        buyer.put("name", facts.buyerName());
        buyer.put("address", facts.buyerAddress());
        data.put("buyer", buyer);
        data.put("invoices", message.items().stream()
                .map(o -> invoice(facts.invoice(UUID.fromString(o.itemReference())), runDate)).toList());
        data.put("step", Map.of("key", message.step().key(), "offsetDays", message.step().offsetDays()));
        data.put("runDate", runDate.toString());
        // the final payment date formal and finance demands state (docs/collections-service.md, "Payment deadline")
        if (facts.paymentDeadline() != null) {
            data.put("paymentDeadline", facts.paymentDeadline().toString());
        }
        data.put("priorMessages", facts.priorMessages().stream().map(p -> Map.of("stepKey", p.stepKey(),
                "templateKey", p.templateKey(), "channels", p.channels(), "runDate", p.runDate().toString())).toList());
        return data;
    }

    private static Map<String, Object> seller(LetterFacts.Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("address", p.address());
        m.put("taxId", p.taxId());
        m.put("bankAccount", p.bankAccount());
        return m;
    }

    private static Map<String, Object> invoice(LetterFacts.Invoice i, LocalDate runDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceId", i.invoiceId().toString());
        m.put("invoiceNumber", i.invoiceNumber());
        m.put("purchaseOrderNumber", i.purchaseOrderNumber());
        m.put("issueDate", i.issueDate() == null ? null : i.issueDate().toString());
        m.put("dueDate", i.dueDate().toString());
        m.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), runDate)));
        m.put("openAmount", money(i.open()));
        m.put("disputedAmount", money(i.open().minus(i.collectible()).max(Money.zero(i.open().currency()))));
        m.put("collectibleAmount", money(i.collectible()));
        m.put("lateCharges", i.lateCharges() == null ? null : lateCharges(i.lateCharges()));
        return m;
    }

    private static Map<String, Object> lateCharges(LetterFacts.LateCharges c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", c.asOf().toString());
        m.put("interest", money(c.interest()));
        m.put("fee", money(c.fee()));
        m.put("total", money(c.total()));
        m.put("dailyRate", c.dailyRate().toPlainString());
        m.put("feeAfterDays", c.feeAfterDays());
        m.put("feeRate", c.feeRate().toPlainString());
        m.put("legalBasis", c.legalBasis());
        return m;
    }

    static Map<String, String> money(Money m) {
        return Map.of("amount", m.amountText(), "currency", m.currencyCode());
    }

    /** The item references a message lists (for drafts re-checked at approval). */
    public static List<String> items(DunningMessage message) {
        return message.items().stream().map(StepOutcome::itemReference).toList();
    }
}
