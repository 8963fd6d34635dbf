package io.tradecredit.notification.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.ids.TimeOrderedIds;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.NotificationSettings;
import io.tradecredit.notification.events.ContactChanged;
import io.tradecredit.notification.events.ContactRemoved;
import io.tradecredit.notification.persistence.ContactRepository;
import io.tradecredit.notification.persistence.SettingsRepository;

/**
 * A tenant's buyer contacts and their opt-outs. Entering or changing a contact publishes
 * {@code contact-changed} in the same transaction (an opt-out changes nothing published); removing
 * one publishes {@code contact-removed}. What was queued for a contact removed, or changed so that it no
 * longer reaches it (its address on the channel gone or another, an opt-out), is re-routed in the same
 * transaction ({@link Rerouting}).
 */
@ApplicationScoped
public class Contacts {
    @Inject
    ContactRepository contacts;

    @Inject
    Outbox outbox;

    @Inject
    Rerouting rerouting;

    @Inject
    SettingsRepository settings;

    @Inject
    Clock clock;

    /** The fields of a contact as entered; checked by {@link Contact#of}. */
    public record Entry(String name, String function, String email, String mobile, String postalAddress,
            String language, String timeZone) {
    }

    /** A contact entered without a time zone takes its tenant's ({@link NotificationSettings#timeZone}). */
    public Uni<Contact> add(String tenantId, UUID buyerId, Entry e) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = TimeOrderedIds.at(now.toInstant());
        return CurrentTransaction.run(() -> tenantsZone(tenantId).map(zone -> of(id, buyerId, e, zone))
                .call(c -> contacts.insert(tenantId, c, now).chain(() -> outbox.record(ContactChanged.of(tenantId, c, now)))));
    }

    public Uni<Contact> replace(String tenantId, UUID id, Entry e) {
        return CurrentTransaction.run(() -> tenantsZone(tenantId).chain(zone -> load(tenantId, id).chain(found -> {
            Contact next = found.replacedBy(of(id, found.buyerId(), e, zone));
            OffsetDateTime now = OffsetDateTime.now(clock);
            return contacts.update(tenantId, next, now).chain(() -> outbox.record(ContactChanged.of(tenantId, next, now)))
                    .chain(() -> rerouting.changed(tenantId, next, now.toInstant())).replaceWith(next);
        })));
    }

    private Uni<java.time.ZoneId> tenantsZone(String tenantId) {
        return settings.find(tenantId).map(s -> s.orElse(NotificationSettings.DEFAULT).timeZone());
    }

    /** Sets ({@code out}) or lifts the contact's opt-out of {@code channel}. */
    public Uni<Contact> optOut(String tenantId, UUID id, ChannelType channel, boolean out) {
        return CurrentTransaction.run(() -> load(tenantId, id).chain(found -> {
            Contact next = found.withOptOut(channel, out);
            OffsetDateTime now = OffsetDateTime.now(clock);
            return contacts.update(tenantId, next, now)
                    .chain(() -> out ? rerouting.changed(tenantId, next, now.toInstant()) : Uni.createFrom().voidItem())
                    .replaceWith(next);
        }));
    }

    /**
     * Removes the contact with its opt-outs. Messages recorded keep their own copy of whom they went
     * to (address, language, content), so proof needs no contact row; queued ones are re-routed.
     */
    public Uni<Void> remove(String tenantId, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return CurrentTransaction.run(() -> contacts.delete(tenantId, id).map(found -> found.orElseThrow(() -> notFound(id)))
                .chain(gone -> outbox.record(ContactRemoved.of(tenantId, gone, now))
                        .chain(() -> rerouting.removed(tenantId, gone, now.toInstant()))));
    }

    public Uni<Contact> get(String tenantId, UUID id) {
        return CurrentTransaction.run(() -> load(tenantId, id));
    }

    public Uni<List<Contact>> ofBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.run(() -> contacts.ofBuyer(tenantId, buyerId));
    }

    private Uni<Contact> load(String tenantId, UUID id) {
        return contacts.find(tenantId, id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    private static DomainError notFound(UUID id) {
        return DomainError.notFound("contact.not-found", "There is no contact " + id);
    }

    private static Contact of(UUID id, UUID buyerId, Entry e, java.time.ZoneId tenantsZone) {
        return Contact.of(id, buyerId, e.name(), e.function(), e.email(), e.mobile(), e.postalAddress(), e.language(),
                e.timeZone(), tenantsZone);
    }
}
