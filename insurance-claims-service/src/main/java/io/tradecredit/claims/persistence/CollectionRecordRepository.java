package io.tradecredit.claims.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The buyers' collection records (collection_record): one insert per event kept, read by column name. */
@ApplicationScoped
public class CollectionRecordRepository {

    /** Appends the entry; one already kept under its event id is left as it is. */
    public Uni<Void> add(String tenantId, CollectionEntry e, OffsetDateTime at) {
        return CurrentTransaction.execute("""
                insert into collection_record (event_id, tenant_id, buyer_id, on_day, kind, summary, invoice_ids, steps,
                    channels, agency_code, case_id, recorded_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict do nothing""",
                Tuple.from(Arrays.asList(e.eventId(), tenantId, e.buyerId(), e.on(), e.kind().name(), e.summary(),
                        e.invoiceIds().toArray(UUID[]::new), e.steps().toArray(String[]::new),
                        e.channels().toArray(String[]::new), e.agencyCode(), e.caseId(), at)))
                .replaceWithVoid();
    }

    /** The tenant's record of the buyer, in the order it was recorded. */
    public Uni<List<CollectionEntry>> ofBuyer(String tenantId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select * from collection_record where tenant_id = $1 and buyer_id = $2 order by recorded_at, event_id""",
                Tuple.of(tenantId, buyerId)).map(rows -> {
                    List<CollectionEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(entry(r)));
                    return entries;
                });
    }

    private static CollectionEntry entry(Row r) {
        return new CollectionEntry(r.getString("event_id"), r.getUUID("buyer_id"), r.getLocalDate("on_day"),
                CollectionEntry.Kind.valueOf(r.getString("kind")), r.getString("summary"),
                Arrays.asList(r.getArrayOfUUIDs("invoice_ids")), Arrays.asList(r.getArrayOfStrings("steps")),
                Arrays.asList(r.getArrayOfStrings("channels")), r.getString("agency_code"), r.getUUID("case_id"));
    }
}
