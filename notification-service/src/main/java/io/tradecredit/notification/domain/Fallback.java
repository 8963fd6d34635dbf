package io.tradecredit.notification.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a message to a buyer goes once a channel failed it for good (no contact reachable there,
 * no template, a provider's refusal, its retries spent, an opt-out): the first channel of the
 * tenant's order not tried yet on which a contact can be reached ({@link ContactChoice}: an
 * address there, no opt-out), e.g. email, then SMS, then letter. Two exceptions: a legally
 * required letter is never replaced by another channel (the law asks for the letter: it fails,
 * for someone to act), and when every channel of the order has been tried the message fails.
 */
public final class Fallback {
    private Fallback() {
    }

    /** The next contact and channel after {@code tried} failed, or the reason there is none. */
    public static ContactChoice.Choice next(List<Contact> contacts, ChannelOrder order, Set<ChannelType> tried,
            boolean legallyRequired) {
        return next(contacts, order, tried, legallyRequired, null);
    }

    /** {@link #next} for a request of {@code purpose}: the contact chosen as {@link ContactChoice} chooses it. */
    public static ContactChoice.Choice next(List<Contact> contacts, ChannelOrder order, Set<ChannelType> tried,
            boolean legallyRequired, String purpose) {
        if (legallyRequired && tried.contains(ChannelType.LETTER)) {
            return none("a legally required letter is not replaced by another channel");
        }
        List<ChannelType> remaining = order.channels().stream().filter(c -> !tried.contains(c)).toList();
        if (remaining.isEmpty()) {
            return none("no channel of the tenant's order " + order.channels() + " is left to try");
        }
        return ContactChoice.choose(contacts, Optional.empty(), new ChannelOrder(remaining), legallyRequired, purpose);
    }

    private static ContactChoice.Choice none(String reason) {
        return new ContactChoice.Choice(null, null, null, reason);
    }
}
