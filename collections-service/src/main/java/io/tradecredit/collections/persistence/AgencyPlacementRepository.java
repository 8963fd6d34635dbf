package io.tradecredit.collections.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.AgencyPlacement;
import io.tradecredit.collections.domain.PlacementEnd;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Cases' stays with agencies, per tenant; another tenant's placements are never found. */
@ApplicationScoped
public class AgencyPlacementRepository {

    public Uni<Void> insert(String tenantId, AgencyPlacement placement, String by) {
        return AgencyPlacementRow.of(tenantId, placement, by).persist().replaceWithVoid();
    }

    /**
     * A placement is current while it has not ended and its case is not closed: a case the cases'
     * own doors close (paid in full, written off, claimed) is no longer the agency's, even though
     * nothing ended its placement row (docs/collections-service.md, "Agencies").
     */
    static final String CURRENT = "select p.id, p.case_id, p.buyer_id, p.agency_code, p.handed_on from agency_placement p"
            + " join collection_case c on c.tenant_id = p.tenant_id and c.id = p.case_id"
            + " where p.tenant_id = $1 and p.ended_on is null and c.state <> 'CLOSED'";

    /** The case's current placement, if it is with an agency now. */
    public Uni<Optional<AgencyPlacement>> currentOf(String tenantId, UUID caseId) {
        return CurrentTransaction.execute(CURRENT + " and p.case_id = $2", Tuple.of(tenantId, caseId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(current(rows.iterator().next())));
    }

    /** Writes the end (day, reason, who) of a placement found by {@link #currentOf}. */
    public Uni<Void> end(String tenantId, AgencyPlacement ended, String by) {
        return AgencyPlacementRow.<AgencyPlacementRow>find("id = ?1 and tenantId = ?2", ended.id(), tenantId)
                .singleResult().invoke(row -> {
                    row.endedOn = ended.endedOn();
                    row.endReason = ended.endReason();
                    row.endedBy = by;
                }).replaceWithVoid();
    }

    /**
     * Records the invoices in a case the agency settled: no longer dunned (skip reason {@code SETTLED_BY_AGENCY}),
     * what they still owe proposed for write-off. An invoice recorded already keeps its first settlement.
     */
    public Uni<Void> settled(String tenantId, UUID caseId, String agencyCode, LocalDate on, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return CurrentTransaction.execute("insert into agency_settled_invoice (tenant_id, invoice_id, case_id, agency_code,"
                + " settled_on) select $1, i, $2, $3, $4 from unnest($5::uuid[]) as i on conflict do nothing",
                Tuple.of(tenantId, caseId, agencyCode, on, invoiceIds.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Of {@code invoiceIds}, those an agency's settlement ended (recorded in any case of the tenant). */
    public Uni<java.util.Set<UUID>> settledAmong(String tenantId, List<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return CurrentTransaction.execute("select invoice_id from agency_settled_invoice where tenant_id = $1"
                + " and invoice_id = any($2)", Tuple.of(tenantId, invoiceIds.toArray(UUID[]::new))).map(rows -> {
                    java.util.Set<UUID> out = new java.util.HashSet<>();
                    rows.forEach(r -> out.add(r.getUUID("invoice_id")));
                    return out;
                });
    }

    /** The invoices recorded as settled with the case by its agency. */
    public Uni<List<UUID>> settledInvoicesOf(String tenantId, UUID caseId) {
        return CurrentTransaction.execute("select invoice_id from agency_settled_invoice where tenant_id = $1"
                + " and case_id = $2", Tuple.of(tenantId, caseId)).map(rows -> {
                    List<UUID> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(r.getUUID("invoice_id")));
                    return out;
                });
    }

    /** The agency's current placements in the tenant, oldest hand-off first. */
    public Uni<List<AgencyPlacement>> currentWith(String tenantId, String agencyCode) {
        return CurrentTransaction.execute(CURRENT + " and p.agency_code = $2 order by p.handed_on, p.id",
                Tuple.of(tenantId, agencyCode)).map(rows -> {
                    List<AgencyPlacement> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(current(r)));
                    return out;
                });
    }

    private static AgencyPlacement current(Row r) {
        return new AgencyPlacement(r.getUUID("id"), r.getUUID("case_id"), r.getUUID("buyer_id"), r.getString("agency_code"),
                r.getLocalDate("handed_on"), null, null);
    }

    /**
     * The agency's placements whose buyers' payments may count in the period: those that overlap it
     * (handed on or before {@code to}, not ended before {@code from}), and earlier ones of a buyer with a
     * payment from before the period reversed in it: the period takes that payment back if the stay
     * earned it (docs/collections-service.md, "Agencies"), even after the case came back.
     */
    public Uni<List<AgencyPlacement>> earningIn(String tenantId, String agencyCode, LocalDate from, LocalDate to) {
        return CurrentTransaction.execute("select p.id, p.case_id, p.buyer_id, p.agency_code, p.handed_on, p.ended_on,"
                + " p.end_reason from agency_placement p where p.tenant_id = $1 and p.agency_code = $2 and p.handed_on <= $4"
                + " and (p.ended_on is null or p.ended_on >= $3 or exists (select 1 from received_payment r"
                + " where r.tenant_id = p.tenant_id and r.buyer_id = p.buyer_id and r.reversed_on between $3 and $4"
                + " and r.received_on between p.handed_on and least(p.ended_on, $3::date - 1)))"
                + " order by p.handed_on, p.id", Tuple.of(tenantId, agencyCode, from, to)).map(rows -> {
                    List<AgencyPlacement> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(new AgencyPlacement(r.getUUID("id"), r.getUUID("case_id"),
                            r.getUUID("buyer_id"), r.getString("agency_code"), r.getLocalDate("handed_on"),
                            r.getLocalDate("ended_on"), endReason(r.getString("end_reason")))));
                    return out;
                });
    }

    private static PlacementEnd endReason(String stored) {
        return stored == null ? null : PlacementEnd.valueOf(stored);
    }
}
