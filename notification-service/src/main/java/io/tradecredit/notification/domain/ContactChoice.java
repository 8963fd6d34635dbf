package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which contact of a buyer a message goes to, and on which channel (docs/domain.md §5).
 *
 * <p>The channels tried are the one the request names, else the tenant's channel order. On the
 * first of them that some contact can be reached on, the contact whose function fits the purpose
 * best is chosen, and among equals the first entered. A request names the buyer and the purpose,
 * not the person (docs/domain.md §5): for a purpose about what the buyer owes ({@link #aboutPayment}:
 * dunning, invoices, payments) the person who pays it is meant, so accounts payable comes first,
 * then finance or accounting, then anyone else ({@link #payableRank}); for any other purpose, the
 * order entered. The channel order stays the tenant's: a better contact reachable only on a later
 * channel does not move the message to that channel. A contact is reachable on a channel when it has an address there and
 * has not opted out of it; a legally required letter ignores an opt-out of the letter channel,
 * since the law requires it be sent. When no contact is reachable on any channel tried, the
 * message fails, and the reason says why for each channel.
 */
public final class ContactChoice {
    private ContactChoice() {
    }

    /** The contact and channel chosen, or the reason there is none. */
    public record Choice(Contact contact, ChannelType channel, String address, String failure) {
        public boolean found() {
            return failure == null;
        }
    }

    /** Whether an opt-out of {@code channel} holds for a message: always, but for a legally required letter. */
    public static boolean optOutApplies(ChannelType channel, boolean legallyRequired) {
        return !(legallyRequired && channel == ChannelType.LETTER);
    }

    /**
     * Why a message queued to {@code contact} at {@code address} on {@code channel} can no longer go there,
     * or empty while it can: the contact has no address on the channel now, another one, or opted out of it
     * (an opt-out of the letter channel holds for anything but a legally required letter). Such a message
     * is re-addressed as the rules choose now, before it is sent.
     */
    public static Optional<String> noLongerReaches(Contact contact, ChannelType channel, String address,
            boolean legallyRequired) {
        String now = contact.addressFor(channel);
        if (now == null) {
            return Optional.of("the contact has no " + channel + " address now");
        }
        if (!now.equals(address)) {
            return Optional.of("the contact's " + channel + " address changed");
        }
        if (contact.optedOutOf(channel) && optOutApplies(channel, legallyRequired)) {
            return Optional.of("the contact opted out of " + channel);
        }
        return Optional.empty();
    }

    /** The choice for a request without a purpose: contacts in the order entered. */
    public static Choice choose(List<Contact> contacts, Optional<ChannelType> requested, ChannelOrder order,
            boolean legallyRequired) {
        return choose(contacts, requested, order, legallyRequired, null);
    }

    /** The choice for a request of {@code purpose} (null: none). */
    public static Choice choose(List<Contact> contacts, Optional<ChannelType> requested, ChannelOrder order,
            boolean legallyRequired, String purpose) {
        if (aboutPayment(purpose)) {
            // a stable sort: among contacts of the same rank the order entered stays
            contacts = contacts.stream().sorted(Comparator.comparingInt((Contact c) -> payableRank(c.function()))).toList();
        }
        List<ChannelType> tried = requested.map(List::of).orElse(order.channels());
        List<String> why = new ArrayList<>();
        for (ChannelType channel : tried) {
            boolean anyAddress = false;
            for (Contact c : contacts) {
                String address = c.addressFor(channel);
                if (address == null) {
                    continue;
                }
                anyAddress = true;
                if (!c.optedOutOf(channel) || !optOutApplies(channel, legallyRequired)) {
                    return new Choice(c, channel, address, null);
                }
            }
            why.add(channel + ": " + (anyAddress ? "every contact with an address opted out" : "no contact has an address"));
        }
        String reason = contacts.isEmpty() ? "no usable contact: the buyer has no contacts"
                : "no usable contact on " + String.join("; ", why);
        return new Choice(null, null, null, reason);
    }

    /**
     * Whether a request's purpose is about what the buyer owes (dunning, an invoice's receipt, a
     * payment or payment plan): its message is for the person who pays.
     */
    public static boolean aboutPayment(String purpose) {
        if (purpose == null) {
            return false;
        }
        String first = purpose.strip().toLowerCase(Locale.ROOT).split("\\.", 2)[0];
        return first.equals("dunning") || first.startsWith("invoice") || first.startsWith("payment");
    }

    /**
     * How near a contact's function (free text, as the tenant enters it) is to accounts payable:
     * 0 accounts payable ("accounts payable", "AP clerk", "应付账款"), 1 finance or accounting
     * ("finance", "accounting", "treasury", "财务", "会计", "出纳"), 2 anyone else or no function.
     */
    public static int payableRank(String function) {
        if (function == null) {
            return 2;
        }
        String f = function.strip().toLowerCase(Locale.ROOT);
        if (f.contains("payable") || f.contains("应付") || f.contains("a/p") || f.matches("(.*\\W)?ap(\\W.*)?")) {
            return 0;
        }
        for (String word : List.of("financ", "account", "treasur", "财务", "会计", "出纳")) {
            if (f.contains(word)) {
                return 1;
            }
        }
        return 2;
    }
}
