package io.tradecredit.collections.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BuyerContact;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A buyer's contacts from notification-service (table {@code buyer_contact}, V16), in the current transaction. */
@ApplicationScoped
public class BuyerContactStore {
    /** The contact as last changed; an event older than the one kept changes nothing. */
    static final String UPSERT = """
            insert into buyer_contact (tenant_id, contact_id, buyer_id, name, function, email, mobile, language, changed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (tenant_id, contact_id) do update set buyer_id = excluded.buyer_id, name = excluded.name,
                function = excluded.function, email = excluded.email, mobile = excluded.mobile,
                language = excluded.language, changed_at = excluded.changed_at
            where buyer_contact.changed_at <= excluded.changed_at""";
    /** Gone, unless changed after the removal (which notification-service, removing the row, never publishes). */
    static final String REMOVE = """
            delete from buyer_contact where tenant_id = $1 and contact_id = $2 and changed_at <= $3""";
    static final String OF_BUYER = """
            select * from buyer_contact where tenant_id = $1 and buyer_id = $2 order by contact_id""";

    public Uni<Void> changed(String tenantId, UUID buyerId, BuyerContact c, OffsetDateTime changedAt) {
        return CurrentTransaction.execute(UPSERT, CurrentTransaction.params(tenantId, c.contactId(), buyerId, c.name(),
                c.function(), c.email(), c.mobile(), c.language(), changedAt)).replaceWithVoid();
    }

    /** Drops the contact; nothing for a contact not kept. */
    public Uni<Void> removed(String tenantId, UUID contactId, OffsetDateTime removedAt) {
        return CurrentTransaction.execute(REMOVE, Tuple.of(tenantId, contactId, removedAt)).replaceWithVoid();
    }

    /** The buyer's contacts in the order notification-service entered them (their ids are time-ordered). */
    public Uni<List<BuyerContact>> ofBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute(OF_BUYER, Tuple.of(tenantId, buyerId)).map(rows -> {
            List<BuyerContact> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(contact(r)));
            return out;
        });
    }

    static BuyerContact contact(Row r) {
        return new BuyerContact(r.getUUID("contact_id"), r.getString("name"), r.getString("function"), r.getString("email"),
                r.getString("mobile"), r.getString("language"));
    }
}
