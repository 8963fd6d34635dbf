package io.tradecredit.claims.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.common.persistence.BulkInsert;
import io.tradecredit.common.persistence.BulkInsert.Column;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The buyers' collection records (collection_record): one row per event kept, read by column name. */
@ApplicationScoped
public class CollectionRecordRepository {
    private static final List<Column> COLUMNS = List.of(Column.text("event_id"), Column.text("tenant_id"),
            new Column("buyer_id", "uuid"), new Column("on_day", "date"), Column.text("kind"), Column.text("summary"),
            new Column("invoice_ids", "uuid[]"), new Column("steps", "text[]"), new Column("channels", "text[]"),
            Column.text("agency_code"), new Column("case_id", "uuid"), new Column("recorded_at", "timestamptz"));

    /** An entry and its place among those written together. */
    private record Numbered(int order, CollectionEntry.OfTenant kept) {
    }

    /**
     * Appends the entries with one statement (a poll's worth, a dunning run's step-taken events among them);
     * one already kept under its event id is left as it is. Each is recorded a microsecond after the one
     * before it, so the record lists them in the order they came, as it did when each had its own statement.
     */
    public Uni<Void> addAll(List<CollectionEntry.OfTenant> entries, OffsetDateTime at) {
        List<Numbered> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new Numbered(i, entries.get(i)));
        }
        return BulkInsert.intoUnlessPresent("collection_record", COLUMNS, rows, r -> {
            CollectionEntry e = r.kept().entry();
            return Arrays.asList(e.eventId(), r.kept().tenantId(), e.buyerId(), e.on(), e.kind(), e.summary(), e.invoiceIds(),
                    e.steps(), e.channels(), e.agencyCode(), e.caseId(), at.plusNanos(1_000L * r.order()));
        });
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
