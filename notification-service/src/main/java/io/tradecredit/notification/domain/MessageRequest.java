package io.tradecredit.notification.domain;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a service asks to be sent ({@code io.tradecredit.notification.message-requested.v1}): what
 * (purpose, template, data) and to whom (a buyer or the tenant), never where.
 *
 * @param buyerId null for a message to the tenant
 * @param channel empty: the first usable channel of the tenant's order
 * @param languageHint empty: the contact's language, else the tenant's, else {@link Language#FALLBACK}
 * @param attachLetter an email carries the letter of the same template key as a PDF attachment
 */
public record MessageRequest(UUID requestId, String purpose, String templateKey, Optional<ChannelType> channel,
        RecipientKind recipient, UUID buyerId, Optional<Language> languageHint, boolean critical,
        boolean legallyRequired, ObjectNode data, boolean attachLetter) {

    /** A request without an attached letter. */
    public MessageRequest(UUID requestId, String purpose, String templateKey, Optional<ChannelType> channel,
            RecipientKind recipient, UUID buyerId, Optional<Language> languageHint, boolean critical,
            boolean legallyRequired, ObjectNode data) {
        this(requestId, purpose, templateKey, channel, recipient, buyerId, languageHint, critical, legallyRequired, data,
                false);
    }

    /** Who a message is for: a buyer (its contacts) or the tenant itself. */
    public enum RecipientKind {
        BUYER, TENANT
    }

    /** The message's language: the contact's own, else the request's hint, else {@link Language#FALLBACK}. */
    public Language languageFor(Contact contact) {
        return languageFor(contact, Language.FALLBACK);
    }

    /**
     * The message's language: the contact's own, else the request's hint, else the tenant's {@code tenantDefault}
     * (its settings' language: a tenant whose buyers write English says so once, and a contact entered without a
     * language is not written to in Chinese).
     */
    public Language languageFor(Contact contact, Language tenantDefault) {
        if (contact != null && contact.language() != null) {
            return contact.language();
        }
        return languageHint.orElse(tenantDefault == null ? Language.FALLBACK : tenantDefault);
    }
}
