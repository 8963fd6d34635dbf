package io.tradecredit.claims.persistence;

import java.util.ArrayList;
import java.util.Currency;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.OverdueNotification;
import io.tradecredit.claims.domain.StopDeliveries;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant's overdue notifications with the invoices they concerned; rows read by column name. */
@ApplicationScoped
public class OverdueNotificationRepository {

    public Uni<Void> add(String tenantId, OverdueNotification n) {
        Uni<?> head = CurrentTransaction.execute("""
                insert into overdue_notification (id, tenant_id, policy_id, buyer_id, notified_on, stop_deliveries_from,
                    currency, insured_overdue, note, notified_at, notified_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""",
                Tuple.tuple(List.of(n.id(), tenantId, n.policyId(), n.buyerId(), n.notifiedOn(), n.stopDeliveriesFrom(),
                        n.insuredOverdue().currency().getCurrencyCode(), n.insuredOverdue().amount()))
                        .addString(n.note()).addOffsetDateTime(n.at()).addString(n.by()));
        for (int i = 0; i < n.invoices().size(); i++) {
            OverdueNotification.Invoice inv = n.invoices().get(i);
            int line = i;
            head = head.chain(() -> CurrentTransaction.execute("""
                    insert into overdue_notification_invoice (notification_id, line, invoice_id, invoice_number, due_date,
                        open_amount, insured) values ($1, $2, $3, $4, $5, $6, $7)""",
                    Tuple.tuple(List.of(n.id(), line, inv.invoiceId(), inv.invoiceNumber(), inv.dueDate(),
                            inv.openAmount().amount(), inv.insured().amount()))));
        }
        return head.replaceWithVoid();
    }

    /**
     * The first day deliveries to the buyer stopped being insured under the tenant's policy: the earliest
     * stop-deliveries date of its notifications (empty when never notified). Whether it applies on a day is
     * the exposure rule's to decide (domain.InsuredExposure).
     */
    public Uni<Optional<LocalDate>> stopDeliveriesFrom(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select min(stop_deliveries_from) as stop_from from overdue_notification
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3""", Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate("stop_from")));
    }

    /**
     * The stop the buyer's notifications under the tenant's policy started: the earliest stop-deliveries date and the
     * notification of it (the first recorded on that day); empty when never notified.
     */
    public Uni<Optional<StopDeliveries.Start>> firstStop(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select id, stop_deliveries_from from overdue_notification
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3
                order by stop_deliveries_from, notified_at, id limit 1""", Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new StopDeliveries.Start(rows.iterator()
                        .next().getLocalDate("stop_deliveries_from"), rows.iterator().next().getUUID("id"),
                        StopDeliveries.Cause.NOTIFIED)));
    }

    /**
     * The day the buyer's overdue account was first notified under the tenant's policy (empty when never): a protracted
     * default's waiting period counts from it (domain.Claim#submit).
     */
    public Uni<Optional<LocalDate>> firstNotifiedOn(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select min(notified_on) as first_on from overdue_notification
                where tenant_id = $1 and policy_id = $2 and buyer_id = $3""", Tuple.of(tenantId, policyId, buyerId))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLocalDate("first_on")));
    }

    /** The buyer's notifications under the tenant's policy, newest first. */
    public Uni<List<OverdueNotification>> ofBuyer(String tenantId, UUID policyId, UUID buyerId) {
        return CurrentTransaction.execute("""
                select * from overdue_notification where tenant_id = $1 and policy_id = $2 and buyer_id = $3
                order by notified_at desc, id""", Tuple.of(tenantId, policyId, buyerId)).chain(heads -> {
            List<Row> rows = new ArrayList<>();
            heads.forEach(rows::add);
            List<UUID> ids = rows.stream().map(r -> r.getUUID("id")).toList();
            return CurrentTransaction.execute("""
                    select * from overdue_notification_invoice where notification_id = any($1) order by line""",
                    Tuple.of(ids.toArray(UUID[]::new))).map(lines -> {
                        List<Row> all = new ArrayList<>();
                        lines.forEach(all::add);
                        return rows.stream().map(r -> notification(r, all)).toList();
                    });
        });
    }

    /** A notification still waiting out its waiting period, with its tenant and the buyer's name (when known). */
    public record Waiting(String tenantId, String buyerName, OverdueNotification notification) {
    }

    /**
     * Up to {@code batchSize} notifications whose waiting period has not been acted on and which were not looked
     * at on {@code asOf}, locked (skipping those another replica holds), in id order.
     */
    public Uni<List<Waiting>> lockWaiting(LocalDate asOf, int batchSize) {
        return CurrentTransaction.execute("""
                select n.*, (select o.buyer_name from open_invoice o where o.tenant_id = n.tenant_id
                    and o.buyer_id = n.buyer_id and o.buyer_name is not null limit 1) as buyer_name
                from overdue_notification n
                where not n.waiting_over and (n.waited_on is null or n.waited_on < $1)
                order by n.id limit $2 for update of n skip locked""", Tuple.of(asOf, batchSize)).chain(heads -> {
            List<Row> rows = new ArrayList<>();
            heads.forEach(rows::add);
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<Waiting>of());
            }
            return CurrentTransaction.execute("""
                    select * from overdue_notification_invoice where notification_id = any($1) order by line""",
                    Tuple.of(rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new))).map(lines -> {
                        List<Row> all = new ArrayList<>();
                        lines.forEach(all::add);
                        return rows.stream().map(r -> new Waiting(r.getString("tenant_id"), r.getString("buyer_name"),
                                notification(r, all))).toList();
                    });
        });
    }

    /** The notification was looked at on {@code asOf}; {@code over}: its waiting period ran and was acted on. */
    public Uni<Void> waited(UUID notificationId, LocalDate asOf, boolean over) {
        return CurrentTransaction.execute("update overdue_notification set waited_on = $1, waiting_over = $2 where id = $3",
                Tuple.of(asOf, over, notificationId)).replaceWithVoid();
    }

    private static OverdueNotification notification(Row r, List<Row> lines) {
        UUID id = r.getUUID("id");
        Currency cur = Money.currencyOf(r.getString("currency"));
        List<OverdueNotification.Invoice> invoices = lines.stream().filter(l -> id.equals(l.getUUID("notification_id")))
                .map(l -> new OverdueNotification.Invoice(l.getUUID("invoice_id"), l.getString("invoice_number"),
                        l.getLocalDate("due_date"), Money.rounded(l.getBigDecimal("open_amount"), cur),
                        Money.rounded(l.getBigDecimal("insured"), cur)))
                .toList();
        return new OverdueNotification(id, r.getUUID("policy_id"), r.getUUID("buyer_id"), r.getLocalDate("notified_on"),
                r.getLocalDate("stop_deliveries_from"), invoices, Money.rounded(r.getBigDecimal("insured_overdue"), cur),
                r.getString("note"), r.getOffsetDateTime("notified_at"), r.getString("notified_by"));
    }
}
