package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What a dunning letter to one buyer prints besides the ladder's wording (DOMAIN §3, "A dunning
 * letter contains"), from the read model: both parties, and each open invoice with its numbers,
 * amounts and the late charges invoice-service last stated. Any part invoice-service has not
 * published (an invoice issued before its events carried the parties, an invoice with no charges
 * stated) is null: the letter leaves it out rather than inventing it.
 *
 * @param seller the seller as printed on the buyer's most recently issued open invoice that names it
 * @param buyerName the name credit-service registered, else the one on the invoices
 * @param buyerAddress the address on the buyer's most recently issued open invoice that gives one
 * @param priorMessages the messages requested for the buyer before and not withdrawn (a letter quotes those about
 *        its own invoices: {@link PriorMessage#of}, {@link #priorMessagesAbout})
 * @param paymentDeadline the final payment date the letter states (the tenant's {@link PaymentDeadline}
 *        from the letter's date); null until the run dates the letter
 */
public record LetterFacts(UUID buyerId, Party seller, String buyerName, String buyerAddress, List<Invoice> invoices,
        List<PriorMessage> priorMessages, LocalDate paymentDeadline) {

    /** The facts of the read model alone, before the run adds the messages sent. */
    public LetterFacts(UUID buyerId, Party seller, String buyerName, String buyerAddress, List<Invoice> invoices) {
        this(buyerId, seller, buyerName, buyerAddress, invoices, List.of(), null);
    }

    /**
     * A message sent the buyer before: its step, template, channels, the day it was requested ({@code runDate}:
     * the run's date, or the day a collector approved its draft) and the invoices it concerned.
     */
    public record PriorMessage(String stepKey, String templateKey, List<String> channels, LocalDate runDate,
            Set<UUID> invoiceIds) {

        public PriorMessage {
            channels = List.copyOf(channels);
            invoiceIds = Set.copyOf(invoiceIds);
        }

        /**
         * What a letter quotes of the requests sent the buyer: only requests that went out to notification-service
         * and were not withdrawn (a discarded draft never went out, a withdrawn message was cancelled before it
         * was sent: a letter that may be shown in court must not claim either); one message per step, template
         * and day, with its channels and every invoice it concerned (a formal demand by email and letter on one
         * day is one message), in the order requested.
         */
        public static List<PriorMessage> of(List<SentRequest> requests) {
            Map<List<Object>, SortedSet<String>> channels = new LinkedHashMap<>();
            Map<List<Object>, Set<UUID>> invoices = new HashMap<>();
            for (SentRequest r : requests) {
                if (!r.withdrawn()) {
                    List<Object> key = List.of(r.stepKey(), r.templateKey(), r.on());
                    channels.computeIfAbsent(key, k -> new TreeSet<>()).add(r.channel());
                    invoices.computeIfAbsent(key, k -> new HashSet<>()).addAll(r.invoiceIds());
                }
            }
            List<PriorMessage> out = new ArrayList<>(channels.size());
            channels.forEach((k, c) -> out.add(new PriorMessage((String) k.get(0), (String) k.get(1), List.copyOf(c),
                    (LocalDate) k.get(2), invoices.get(k))));
            return out;
        }

        /** Whether this message concerned at least one of {@code invoiceIds}. */
        public boolean concernsAnyOf(Collection<UUID> invoiceIds) {
            return invoiceIds.stream().anyMatch(this.invoiceIds::contains);
        }
    }

    /**
     * A request to notification-service for the buyer: its message, channel and day, whether since withdrawn, and
     * the invoices it listed.
     */
    public record SentRequest(String stepKey, String templateKey, String channel, LocalDate on, boolean withdrawn,
            List<UUID> invoiceIds) {
    }

    /** The seller as its invoices print it, with the account the buyer pays into. */
    public record Party(String name, String address, String taxId, String bankAccount) {
    }

    /** One open invoice; {@code lateCharges} null while invoice-service has stated none. */
    public record Invoice(UUID invoiceId, String invoiceNumber, String purchaseOrderNumber, LocalDate issueDate,
            LocalDate dueDate, Money open, Money collectible, LateCharges lateCharges) {
    }

    /**
     * Late charges as invoice-service stated them on {@code asOf} (interest to date and fee, less
     * waivers), with the terms that produced them; {@code legalBasis} null when its policy has none.
     */
    public record LateCharges(LocalDate asOf, Money interest, Money fee, Money total, BigDecimal dailyRate,
            int feeAfterDays, BigDecimal feeRate, String legalBasis) {
    }

    public LetterFacts {
        invoices = List.copyOf(invoices);
        priorMessages = List.copyOf(priorMessages);
    }

    /** These facts with the messages sent before. */
    public LetterFacts withPriorMessages(List<PriorMessage> sent) {
        return new LetterFacts(buyerId, seller, buyerName, buyerAddress, invoices, sent, paymentDeadline);
    }

    /**
     * The prior communication a message about {@code invoiceIds} quotes: the messages sent before that concerned
     * at least one of them. A letter says "our previous messages about these invoices"; a reminder of an
     * invoice since paid is not about the invoice a later letter demands, and a letter that may be shown in court
     * must not claim it was (DOMAIN §3, the prior communication record).
     */
    public List<PriorMessage> priorMessagesAbout(Collection<UUID> invoiceIds) {
        return priorMessages.stream().filter(p -> p.concernsAnyOf(invoiceIds)).toList();
    }

    /** These facts with the final payment date the letter states. */
    public LetterFacts withPaymentDeadline(LocalDate deadline) {
        return new LetterFacts(buyerId, seller, buyerName, buyerAddress, invoices, priorMessages, deadline);
    }

    /** The open invoice {@code invoiceId}; refused when the letter does not list it. */
    public Invoice invoice(UUID invoiceId) {
        return invoices.stream().filter(i -> i.invoiceId().equals(invoiceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the letter lists no invoice " + invoiceId));
    }
}
