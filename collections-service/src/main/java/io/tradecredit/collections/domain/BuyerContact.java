package io.tradecredit.collections.domain;

import java.util.UUID;

/**
 * A person at the buyer to talk to, as notification-service (which owns contacts) published it:
 * what an agency's case file names (docs/domain.md §3). {@code language} zh-CN or en, null when not
 * known; the other fields but the name may be null.
 */
public record BuyerContact(UUID contactId, String name, String function, String email, String mobile, String language) {
}
