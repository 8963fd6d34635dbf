package io.tradecredit.notification.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.InvoiceTotals;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LateChargeTerms;
import io.tradecredit.notification.domain.LetterDate;
import io.tradecredit.notification.domain.LocalTimes;
import io.tradecredit.notification.domain.Message;
import io.tradecredit.notification.domain.Parties;
import io.tradecredit.notification.domain.PriorCommunication;
import io.tradecredit.notification.domain.SenderIdentity;

/**
 * What a template sees: the request's data, and under reserved names what the service adds:
 * {@code contact} (name, function, postalAddress), {@code sender} (fromName, letterhead,
 * signatory, and contactName, contactPhone, contactEmail: the tenant's person for questions) and {@code letterDate} (the day of rendering in the contact's time zone), and beside each
 * top-level moment {@code ...At} the same as day and minute in that zone, {@code ...AtLocal} ({@link LocalTimes}).
 * It completes {@code seller} and {@code buyer} (name, address: {@link Parties}) and adds to each of
 * {@code priorMessages} its {@code name} and {@code channelNames} in the message's language
 * ({@link PriorCommunication}), and beside {@code invoices} the number of them not yet overdue
 * ({@code invoicesNotYetDue}) with, when there is one, {@code invoicesByLetterDate}: a wording chosen on the letter's
 * date, all overdue by then or not ({@link LetterDate#ifNotYetDue}), and {@code invoicesFallenDueByLetterDate}, all
 * fallen due by then or not ({@link LetterDate#ifNotYetFallenDue}), and {@code invoicesDueSoonByLetterDate}, none of
 * them fallen due by the letter's date or some (judged on the earliest due date, as {@link LetterDate#ifNotYetFallenDue}),
 * {@code invoicesTotal} and {@code invoicesTotalWithLateCharges}, what they ask for in all per currency
 * ({@link InvoiceTotals}), and {@code invoicesDueByLetterDate}, three wordings: none fallen due by the letter's date ({@code ifNoneFallenDue}),
 * some but not all ({@code ifSomeFallenDue}), all ({@code ifAllFallenDue}), then {@code end};
 * each item not yet overdue gets its
 * {@code byLetterDate} likewise. A tenant without a sender identity writes and signs as the seller
 * of the request, else as the platform's configured From.
 */
@ApplicationScoped
public class TemplateContext {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "tradecredit.notification.sender.from-name")
    String platformFromName;

    @ConfigProperty(name = "tradecredit.notification.sender.from-address")
    String platformFromAddress;

    public Map<String, Object> of(ObjectNode data, Contact contact, SenderIdentity sender, Instant now, Language language) {
        Map<String, Object> ctx = new HashMap<>(json.convertValue(data, MAP));
        Map<String, Object> c = new HashMap<>();
        c.put("name", contact == null ? "" : contact.name());
        c.put("function", contact == null || contact.function() == null ? "" : contact.function());
        c.put("postalAddress", contact == null || contact.postalAddress() == null ? "" : contact.postalAddress());
        ctx.put("contact", c);
        // both companies with their addresses, as a dunning letter names them (Parties)
        Parties.Party seller = Parties.seller(party(ctx.get("seller")), sender, platformFromName);
        ctx.put("seller", completed(ctx.get("seller"), seller));
        if (ctx.get("buyer") instanceof Map<?, ?> buyer) {
            ctx.put("buyer", completed(buyer, Parties.buyer(party(buyer), contact)));
        }
        java.time.ZoneId zone = contact == null ? Contact.DEFAULT_TIME_ZONE : contact.timeZone();
        if (ctx.get("invoices") instanceof List<?> invoices) {
            ctx.put("invoices", withLateChargeTerms(invoices).stream().map(i -> byLetterDate(i, zone))
                    .map(i -> inDays(i, language)).toList());
            ctx.put("invoicesNotYetDue", notYetDue(invoices));
            // what the message asks for in all, per currency, and with the stated late charges (InvoiceTotals)
            ctx.put("invoicesTotal", InvoiceTotals.asked(invoices));
            ctx.put("invoicesTotalWithLateCharges", InvoiceTotals.withLateCharges(invoices));
            LocalDate firstDue = firstDue(invoices);
            if (firstDue != null) {
                // "due soon" only while none has fallen due on the letter's date: due that day is fallen due
                ctx.put("invoicesDueSoonByLetterDate", Map.of("ifNoneFallenDue", LetterDate.ifNotYetFallenDue(firstDue,
                        runDate(ctx.get("runDate"), LocalDate.ofInstant(now, zone)), zone), "ifSomeFallenDue",
                        LetterDate.IF_FALLEN_DUE, "end", LetterDate.END));
                // three wordings, from the earliest and the latest due date: none fallen due, some (the others later), all
                LocalDate asOf = runDate(ctx.get("runDate"), LocalDate.ofInstant(now, zone));
                ctx.put("invoicesDueByLetterDate", Map.of("ifNoneFallenDue", LetterDate.ifNotYetFallenDue(firstDue, asOf, zone),
                        "ifSomeFallenDue", LetterDate.IF_FALLEN_DUE + LetterDate.ifNotYetFallenDue(lastDue(invoices), asOf, zone),
                        "ifAllFallenDue", LetterDate.IF_FALLEN_DUE, "end", LetterDate.END + LetterDate.END));
            }
            LocalDate lastDue = lastNotYetDue(invoices);
            if (lastDue != null) {
                ctx.put("invoicesByLetterDate", choice(lastDue, zone));
                // "have fallen due" once the letter's date has come to the last of them: due that day is fallen due
                LocalDate asOf = runDate(ctx.get("runDate"), LocalDate.ofInstant(now, zone));
                ctx.put("invoicesFallenDueByLetterDate", Map.of("ifSomeNotYetDue", LetterDate.ifNotYetFallenDue(lastDue, asOf, zone),
                        "ifAllFallenDue", LetterDate.IF_FALLEN_DUE, "end", LetterDate.END));
            }
        }
        if (ctx.get("priorMessages") instanceof List<?> prior) {
            ctx.put("priorMessages", readable(prior, language));
        }
        Map<String, Object> from = new HashMap<>();
        // without a sender identity the seller writes and signs: the creditor a demand names, not the platform
        from.put("fromName", sender == null ? seller.name() : sender.fromName());
        from.put("letterhead", sender == null ? "" : sender.letterhead());
        from.put("signatory", sender == null ? seller.name() : sender.signatory());
        // the person a letter names for questions ("" for a field no one gave: the template leaves it out)
        SenderIdentity.ContactPerson questions = sender == null
                ? new SenderIdentity.ContactPerson(seller.name(), "", platformFromAddress) : sender.questionsTo();
        from.put("contactName", questions.name());
        from.put("contactPhone", questions.phone());
        from.put("contactEmail", questions.email());
        ctx.put("sender", from);
        ctx.put("letterDate", LocalDate.ofInstant(now, zone).toString());
        // a moment the request states (raisedAt), as the recipient reads it: day and minute in its zone
        ctx.putAll(LocalTimes.of(ctx, zone));
        return ctx;
    }

    /**
     * As {@link #of}, for a message fixed at intake and made or sent later (a letter's page, an email, an SMS): its
     * {@code letterDate} and {@code paymentDeadline} are marked ({@link LetterDate}) so that it is dated the day it is
     * made (a letter's PDF, {@link Letters}) or handed over (an email, an SMS, {@link Deliveries}) and its deadline
     * moves with it.
     */
    public Map<String, Object> dated(ObjectNode data, Contact contact, SenderIdentity sender, Instant now, Language language) {
        Map<String, Object> ctx = of(data, contact, sender, now, language);
        java.time.ZoneId zone = contact == null ? Contact.DEFAULT_TIME_ZONE : contact.timeZone();
        LocalDate day = LocalDate.ofInstant(now, zone);
        ctx.put("letterDate", LetterDate.of(day, zone));
        if (ctx.get("paymentDeadline") != null) {
            ctx.put("paymentDeadline", LetterDate.deadline(String.valueOf(ctx.get("paymentDeadline")), day, zone));
        }
        // "13 days overdue" counted again the day it goes out, as its date is: never a stale count beside a later date
        if (ctx.get("invoices") instanceof List<?> invoices) {
            ctx.put("invoices", invoices.stream().map(i -> overdueMarked(i, day, zone, language)).toList());
        }
        return ctx;
    }

    /**
     * How many of the items are not overdue on the run's day: their {@code daysOverdue} (an instalment's own) is 0, as
     * collections-service counts none before the due date (a consolidated demand also lists a pre-due reminder's
     * invoice). A template then heads its list as overdue or falling due, not as all overdue.
     */
    private static int notYetDue(List<?> invoices) {
        int count = 0;
        for (Object i : invoices) {
            Object item = i instanceof Map<?, ?> m && m.get("instalment") instanceof Map<?, ?> instalment ? instalment : i;
            if (item instanceof Map<?, ?> m && m.get("daysOverdue") instanceof Number days && days.longValue() <= 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * The latest due date of the items not yet overdue on the run's day ({@link #notYetDue}), null when there is none:
     * by the day after it, the letter's date, all of them are overdue ({@code invoicesByLetterDate}).
     */
    private static LocalDate lastNotYetDue(List<?> invoices) {
        LocalDate last = null;
        for (Object i : invoices) {
            Object item = i instanceof Map<?, ?> m && m.get("instalment") instanceof Map<?, ?> instalment ? instalment : i;
            LocalDate due = notYetDueOn(item);
            if (due != null && (last == null || due.isAfter(last))) {
                last = due;
            }
        }
        return last;
    }

    /** The earliest due date of the items (an instalment's own), null when none states one. */
    private static LocalDate firstDue(List<?> invoices) {
        LocalDate first = null;
        for (Object i : invoices) {
            Object item = i instanceof Map<?, ?> m && m.get("instalment") instanceof Map<?, ?> instalment ? instalment : i;
            LocalDate due = dueOn(item);
            if (due != null && (first == null || due.isBefore(first))) {
                first = due;
            }
        }
        return first;
    }

    /** The latest due date of the items (an instalment's own), null when none states one. */
    private static LocalDate lastDue(List<?> invoices) {
        LocalDate last = null;
        for (Object i : invoices) {
            Object item = i instanceof Map<?, ?> m && m.get("instalment") instanceof Map<?, ?> instalment ? instalment : i;
            LocalDate due = dueOn(item);
            if (due != null && (last == null || due.isAfter(last))) {
                last = due;
            }
        }
        return last;
    }

    /** The run's date the request states ({@code runDate}), else {@code otherwise}. */
    private static LocalDate runDate(Object stated, LocalDate otherwise) {
        try {
            return stated instanceof String day ? LocalDate.parse(day) : otherwise;
        } catch (java.time.format.DateTimeParseException notADate) {
            return otherwise;
        }
    }

    /** The due date of an item not overdue on the run's day ({@code daysOverdue} 0), else null. */
    private static LocalDate notYetDueOn(Object item) {
        if (item instanceof Map<?, ?> m && m.get("daysOverdue") instanceof Number days && days.longValue() <= 0) {
            return dueOn(item);
        }
        return null;
    }

    /** The due date an item states ({@code dueDate}), else null. */
    private static LocalDate dueOn(Object item) {
        if (item instanceof Map<?, ?> m && m.get("dueDate") instanceof String due) {
            try {
                return LocalDate.parse(due);
            } catch (java.time.format.DateTimeParseException notADate) {
                return null;
            }
        }
        return null;
    }

    /** The wording chosen on the letter's date: {@code ifNotYetDue}, {@code ifOverdue}, {@code end} ({@link LetterDate#ifNotYetDue}). */
    private static Map<String, String> choice(LocalDate due, java.time.ZoneId zone) {
        return Map.of("ifNotYetDue", LetterDate.ifNotYetDue(due, zone), "ifOverdue", LetterDate.IF_OVERDUE, "end",
                LetterDate.END);
    }

    /**
     * An invoice (and its instalment) not overdue on the run's day with its {@code byLetterDate} choice: the template
     * says "due on" or "overdue" as the letter's own date finds it, not the intake's.
     */
    private static Object byLetterDate(Object invoice, java.time.ZoneId zone) {
        if (!(invoice instanceof Map<?, ?> m)) {
            return invoice;
        }
        LocalDate due = notYetDueOn(m);
        if (due == null && !(m.get("instalment") instanceof Map<?, ?>)) {
            return invoice;
        }
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        if (due != null) {
            out.put("byLetterDate", choice(due, zone));
        }
        if (out.get("instalment") instanceof Map<?, ?>) {
            out.put("instalment", byLetterDate(out.get("instalment"), zone));
        }
        return out;
    }

    /**
     * An invoice (and its instalment) with its whole days overdue marked: counted from its due date on the day it is made
     * ({@link LetterDate#daysOverdueFrom}), overdue at intake or not; one without a due date from the request's count
     * ({@link LetterDate#daysOverdue}).
     */
    private static Object overdueMarked(Object invoice, LocalDate day, java.time.ZoneId zone, Language language) {
        if (!(invoice instanceof Map<?, ?> m)) {
            return invoice;
        }
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        LocalDate due = dueOn(out);
        if (due != null && out.get("daysOverdue") instanceof Number days) {
            // counted from its due date on the letter's date, as every item is: not the request's count plus the days
            // since intake, which is short by the days between the run and the intake
            out.put("daysOverdue", LetterDate.daysOverdueFrom(Math.max(0, days.longValue()), due, zone));
        } else if (out.get("daysOverdue") instanceof Integer || out.get("daysOverdue") instanceof Long) {
            out.put("daysOverdue", LetterDate.daysOverdue(((Number) out.get("daysOverdue")).longValue(), day, zone));
        }
        if (out.get("instalment") != null) {
            out.put("instalment", overdueMarked(out.get("instalment"), day, zone, language));
        }
        if (out.get("daysOverdue") instanceof java.math.BigDecimal days) {
            // the noun counted with it that day: "1 day overdue", not "1 days overdue"
            out.put("daysOverdueEn", LetterDate.inDays(days));
            out.put("daysOverdueText", LetterDate.inDays(days, language));
        }
        return out;
    }

    /**
     * An invoice (and its instalment) with its {@code daysOverdue} also in words, {@code daysOverdueText} in the message's
     * language, "1 day", "3 days" / "1 天", "3 天", and {@code daysOverdueEn} always in English ({@link LetterDate#inDays}),
     * so that a template writes {@code {inv.daysOverdueText} overdue}, never "1 days overdue".
     */
    private static Object inDays(Object invoice, Language language) {
        if (!(invoice instanceof Map<?, ?> m)) {
            return invoice;
        }
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        if (out.get("daysOverdue") instanceof Number days) {
            java.math.BigDecimal count = new java.math.BigDecimal(days.toString());
            out.put("daysOverdueEn", LetterDate.inDays(count));
            out.put("daysOverdueText", LetterDate.inDays(count, language));
        }
        if (out.get("instalment") != null) {
            out.put("instalment", inDays(out.get("instalment"), language));
        }
        return out;
    }

    private static Parties.Party party(Object requested) {
        return requested instanceof Map<?, ?> m ? new Parties.Party(text(m.get("name")), text(m.get("address")))
                : new Parties.Party(null, null);
    }

    /** The request's party (its other fields kept) with the name and address completed. */
    private static Map<String, Object> completed(Object requested, Parties.Party party) {
        Map<String, Object> out = new HashMap<>();
        if (requested instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        out.put("name", party.name());
        out.put("address", party.address());
        return out;
    }

    /** Each invoice whose late charges were stated with their rates as percentages ({@link LateChargeTerms}). */
    private static List<Object> withLateChargeTerms(List<?> invoices) {
        List<Object> out = new ArrayList<>();
        for (Object i : invoices) {
            if (i instanceof Map<?, ?> m && m.get("lateCharges") instanceof Map<?, ?> stated) {
                Map<String, Object> invoice = new HashMap<>();
                m.forEach((k, v) -> invoice.put(String.valueOf(k), v));
                invoice.put("lateCharges", LateChargeTerms.readable(stated));
                out.add(invoice);
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** Each prior message with its readable {@code name} and {@code channelNames} in the letter's language added. */
    private static List<Map<String, Object>> readable(List<?> prior, Language language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : prior) {
            Map<String, Object> entry = new HashMap<>();
            if (p instanceof Map<?, ?> m) {
                m.forEach((k, v) -> entry.put(String.valueOf(k), v));
                List<String> channels = m.get("channels") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of();
                PriorCommunication.Entry e = PriorCommunication.entry(text(m.get("runDate")), text(m.get("templateKey")),
                        channels, language);
                entry.put("name", e.name());
                entry.put("channelNames", e.channels());
            }
            out.add(entry);
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** Who a message is from: the tenant's identity, else the platform's configured From. */
    public Message.Sender senderOf(SenderIdentity id) {
        return id == null ? new Message.Sender(platformFromName, platformFromAddress, null)
                : new Message.Sender(id.fromName(), id.fromAddress(), id.replyTo());
    }
}
