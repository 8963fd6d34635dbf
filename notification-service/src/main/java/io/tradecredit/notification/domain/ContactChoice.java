package io.tradecredit.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which contact of a buyer a message goes to, and on which channel (docs/domain.md §5).
 *
 * <p>The channels tried are the one the request names, else the tenant's channel order. On the
 * first of them that some contact can be reached on, the first such contact (in the order they
 * were entered) is chosen. A contact is reachable on a channel when it has an address there and
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

    public static Choice choose(List<Contact> contacts, Optional<ChannelType> requested, ChannelOrder order,
            boolean legallyRequired) {
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
}
