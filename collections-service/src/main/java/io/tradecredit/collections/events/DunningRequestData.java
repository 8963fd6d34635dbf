package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradecredit.collections.domain.DunningMessage;
import io.tradecredit.collections.domain.StepOutcome;
import io.tradecredit.common.money.Money;

/**
 * The {@code data} of a dunning message request: what the template fills in. The one place it is
 * assembled, so that what the read model learns later (both parties' addresses, contact, late-fee
 * figures) is a few lines here.
 */
public final class DunningRequestData {
    private DunningRequestData() {
    }

    public static Map<String, Object> of(DunningMessage message, LetterFacts facts, LocalDate runDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("buyerId", facts.buyerId().toString());
        buyer.put("name", facts.buyerName());
        data.put("buyer", buyer);
        data.put("invoices", message.items().stream().map(o -> invoice(facts.invoice(o.itemReference()), runDate)).toList());
        data.put("step", Map.of("key", message.step().key(), "offsetDays", message.step().offsetDays()));
        data.put("runDate", runDate.toString());
        data.put("priorMessages", facts.priorMessages().stream().map(p -> Map.of("stepKey", p.stepKey(),
                "templateKey", p.templateKey(), "channels", p.channels(), "runDate", p.runDate().toString())).toList());
        return data;
    }

    private static Map<String, Object> invoice(LetterFacts.Invoice i, LocalDate runDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("invoiceId", i.itemReference());
        m.put("invoiceNumber", i.invoiceNumber());
        m.put("purchaseOrderNumber", i.purchaseOrderNumber());
        m.put("dueDate", i.dueDate().toString());
        m.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(i.dueDate(), runDate)));
        m.put("openAmount", money(i.open()));
        m.put("disputedAmount", money(i.disputed()));
        m.put("collectibleAmount", money(i.collectible()));
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
