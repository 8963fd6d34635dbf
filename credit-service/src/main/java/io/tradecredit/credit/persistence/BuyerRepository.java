package io.tradecredit.credit.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.credit.domain.Buyer;
import io.tradecredit.credit.domain.BuyerSearch;
import io.vertx.mutiny.sqlclient.Tuple;

/** Buyers of a tenant. Every query takes the tenant: another tenant's buyer does not exist here. */
@ApplicationScoped
public class BuyerRepository implements PanacheRepositoryBase<Buyer, UUID> {

    public Uni<Buyer> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Locked until the transaction ends, so two re-assessments of one buyer take turns. */
    public Uni<Buyer> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Buyer> lockByRegistration(String tenantId, String registrationNumber) {
        return find("tenantId = ?1 and registrationNumber = ?2", tenantId, registrationNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> registrationTaken(String tenantId, String registrationNumber, UUID except) {
        return count("tenantId = ?1 and registrationNumber = ?2 and id <> ?3", tenantId, registrationNumber,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }

    public Uni<io.tradecredit.common.api.Page<Buyer>> search(String tenantId, BuyerSearch c, int page, int size) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (c.name() != null && !c.name().isBlank()) {
            // the name is matched as text: a % or _ in it is itself, not a wildcard
            where.append(" and lower(name) like :name escape '\\'");
            params.put("name", "%" + c.name().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.registrationNumber() != null && !c.registrationNumber().isBlank()) {
            where.append(" and registrationNumber = :reg");
            params.put("reg", c.registrationNumber().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (c.country() != null) {
            where.append(" and country = :country");
            params.put("country", c.country());
        }
        if (c.gradeFrom() != null) {
            where.append(" and grade >= :grade");
            params.put("grade", c.gradeFrom());
        }
        if (c.blocked() != null) {
            where.append(" and blocked = :blocked");
            params.put("blocked", c.blocked());
        }
        var query = find(where.toString(), Sort.by("name").and("id"), params).page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }

    /**
     * One batch of the review run: up to {@code limit} buyers of every tenant whose review is due by
     * {@code asOf} and not yet announced for that due date, oldest due first, locked; buyers another
     * transaction holds are skipped (left for a later run). Only the batch's entities are loaded.
     */
    public Uni<List<Buyer>> reviewsToAnnounce(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select id from buyer where review_due_on <= $1 and review_announced_for is distinct from review_due_on
                order by review_due_on, id limit $2 for update skip locked""", Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Buyer>of())
                            : list("id in ?1 order by reviewDueOn, id", ids));
    }

    /**
     * Up to {@code limit} buyers (of every tenant) owing an invoice past its due date on {@code asOf} that the daily
     * overdue re-grade has not looked at for that date, locked, skipping those another transaction holds.
     */
    public Uni<List<Buyer>> overdueToRegrade(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select b.id from buyer b where (b.overdue_regraded_on is null or b.overdue_regraded_on < $1)
                and exists (select 1 from invoice_position p where p.tenant_id = b.tenant_id and p.buyer_id = b.id
                    and p.open_amount > 0 and p.due_date < $1)
                order by b.id limit $2 for update of b skip locked""", Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Buyer>of()) : list("id in ?1 order by id", ids));
    }

    public Uni<io.tradecredit.common.api.Page<Buyer>> reviewsDue(String tenantId, LocalDate asOf, int page, int size) {
        var query = find("tenantId = ?1 and reviewDueOn <= ?2", Sort.by("reviewDueOn").and("id"), tenantId, asOf)
                .page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }
}
