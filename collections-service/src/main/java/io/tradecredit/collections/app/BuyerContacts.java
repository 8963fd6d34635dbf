package io.tradecredit.collections.app;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BuyerContact;
import io.tradecredit.collections.persistence.BuyerContactStore;
import io.tradecredit.common.persistence.CurrentTransaction;

/**
 * A buyer's contacts as notification-service, which owns them, publishes them
 * ({@code contact-changed}, {@code contact-removed}): kept for the agency's case file, which names
 * whom to talk to; a removed contact is no longer named.
 */
@ApplicationScoped
public class BuyerContacts {
    @Inject
    BuyerContactStore store;

    /** A contact was entered or changed (called in the inbox's transaction). */
    public Uni<Void> changed(String tenantId, UUID buyerId, BuyerContact contact, OffsetDateTime at) {
        return CurrentTransaction.run(() -> store.changed(tenantId, buyerId, contact, at));
    }

    /** A contact was removed (called in the inbox's transaction); one not kept changes nothing. */
    public Uni<Void> removed(String tenantId, UUID contactId, OffsetDateTime at) {
        return CurrentTransaction.run(() -> store.removed(tenantId, contactId, at));
    }

    public Uni<List<BuyerContact>> of(String tenantId, UUID buyerId) {
        return CurrentTransaction.run(() -> store.ofBuyer(tenantId, buyerId));
    }
}
