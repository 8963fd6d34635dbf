package io.tradecredit.notification.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Contact;
import io.tradecredit.notification.domain.Language;

/** A tenant's buyer contacts (table contact), in the current transaction; another tenant's is not found. */
@ApplicationScoped
public class ContactRepository {
    private static final String COLUMNS = "id, buyer_id, name, function, email, mobile, postal_address, language,"
            + " time_zone, opted_out";

    public Uni<Void> insert(String tenantId, Contact c, OffsetDateTime at) {
        return CurrentTransaction.execute("insert into contact (" + COLUMNS + ", tenant_id, created_at, updated_at)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
                values(c).addString(tenantId).addOffsetDateTime(at)).replaceWithVoid();
    }

    public Uni<Void> update(String tenantId, Contact c, OffsetDateTime at) {
        return CurrentTransaction.execute("update contact set buyer_id = $2, name = $3, function = $4, email = $5,"
                + " mobile = $6, postal_address = $7, language = $8, time_zone = $9, opted_out = $10, updated_at = $12"
                + " where id = $1 and tenant_id = $11", values(c).addString(tenantId).addOffsetDateTime(at))
                .replaceWithVoid();
    }

    /** Removes the contact, its opt-outs with it (a column of its row); the contact as it was, empty if none. */
    public Uni<Optional<Contact>> delete(String tenantId, UUID id) {
        return CurrentTransaction.execute("delete from contact where id = $1 and tenant_id = $2 returning " + COLUMNS,
                Tuple.of(id, tenantId)).map(ContactRepository::one);
    }

    public Uni<Optional<Contact>> find(String tenantId, UUID id) {
        return CurrentTransaction.execute("select " + COLUMNS + " from contact where id = $1 and tenant_id = $2",
                Tuple.of(id, tenantId)).map(ContactRepository::one);
    }

    private static Optional<Contact> one(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(contact(it.next())) : Optional.empty();
    }

    /**
     * The buyer's contacts in the order they were entered (the order {@code ContactChoice} tries them).
     * Key-share locked: a removal waits for a message being routed to one of them to be recorded, then
     * finds it queued and re-routes it ({@code app.Rerouting}); edits and opt-outs do not wait.
     */
    public Uni<List<Contact>> ofBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("select " + COLUMNS + " from contact where tenant_id = $1 and buyer_id = $2"
                + " order by created_at, id for key share", Tuple.of(tenantId, buyerId)).map(rows -> {
                    List<Contact> out = new ArrayList<>();
                    rows.forEach(r -> out.add(contact(r)));
                    return out;
                });
    }

    /**
     * The contacts of the buyers {@code buyerIds} of {@code tenantIds} (paired by position), with one
     * statement, keyed by tenant and buyer ({@link #key}), each buyer's in the order of {@link #ofBuyer}
     * and locked as it locks them.
     */
    public Uni<Map<String, List<Contact>>> ofBuyers(String[] tenantIds, UUID[] buyerIds) {
        return CurrentTransaction.execute("select tenant_id, " + COLUMNS + " from contact where (tenant_id, buyer_id) in"
                + " (select * from unnest($1::text[], $2::uuid[])) order by created_at, id for key share",
                Tuple.of(tenantIds, buyerIds)).map(rows -> {
                    Map<String, List<Contact>> out = new HashMap<>();
                    rows.forEach(r -> out.computeIfAbsent(key(r.getString("tenant_id"), r.getUUID("buyer_id")),
                            k -> new ArrayList<>()).add(contact(r)));
                    return out;
                });
    }

    /** How {@link #ofBuyers} keys a tenant's buyer. */
    public static String key(String tenantId, UUID buyerId) {
        return tenantId + "/" + buyerId;
    }

    private static Tuple values(Contact c) {
        return Tuple.tuple().addUUID(c.id()).addUUID(c.buyerId()).addString(c.name()).addString(c.function())
                .addString(c.email()).addString(c.mobile()).addString(c.postalAddress())
                .addString(c.language() == null ? null : c.language().tag()).addString(c.timeZone().getId())
                .addString(c.optedOut().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    static Contact contact(Row r) {
        String lang = r.getString("language");
        String out = r.getString("opted_out");
        Set<ChannelType> optedOut = EnumSet.noneOf(ChannelType.class);
        if (!out.isEmpty()) {
            Arrays.stream(out.split(",")).map(ChannelType::valueOf).forEach(optedOut::add);
        }
        return new Contact(r.getUUID("id"), r.getUUID("buyer_id"), r.getString("name"), r.getString("function"),
                r.getString("email"), r.getString("mobile"), r.getString("postal_address"),
                lang == null ? null : Language.ofTag(lang).orElseThrow(), ZoneId.of(r.getString("time_zone")), optedOut);
    }
}
