package io.tradecredit.notification.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.WebhookEndpoint;

/** A tenant's webhook endpoint (table webhook_endpoint, one row per tenant), in the current transaction. */
@ApplicationScoped
public class WebhookEndpointRepository {

    /** The endpoint and when it was last set. */
    public record Stored(WebhookEndpoint endpoint, Instant updatedAt) {
    }

    public Uni<Optional<Stored>> find(String tenantId) {
        return CurrentTransaction.execute("select * from webhook_endpoint where tenant_id = $1", Tuple.of(tenantId))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(stored(it.next())) : Optional.empty();
                });
    }

    /** The endpoints of those of {@code tenantIds} that registered one, with one statement. */
    public Uni<Map<String, WebhookEndpoint>> findAll(String[] tenantIds) {
        return CurrentTransaction.execute("select * from webhook_endpoint where tenant_id = any($1)", Tuple.of((Object) tenantIds))
                .map(rows -> {
                    Map<String, WebhookEndpoint> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString("tenant_id"), stored(r).endpoint()));
                    return found;
                });
    }

    public Uni<Void> save(String tenantId, WebhookEndpoint e, Instant at, String by) {
        return CurrentTransaction.execute("insert into webhook_endpoint (tenant_id, url, secret, updated_at, updated_by)"
                + " values ($1, $2, $3, $4, $5) on conflict (tenant_id) do update set url = $2, secret = $3,"
                + " updated_at = $4, updated_by = $5",
                Tuple.of(tenantId, e.url(), e.secret(), at.atOffset(ZoneOffset.UTC), by)).replaceWithVoid();
    }

    /** Whether there was one to remove. */
    public Uni<Boolean> delete(String tenantId) {
        return CurrentTransaction.execute("delete from webhook_endpoint where tenant_id = $1", Tuple.of(tenantId))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Stored stored(Row r) {
        return new Stored(new WebhookEndpoint(r.getString("url"), r.getString("secret")),
                r.getOffsetDateTime("updated_at").toInstant());
    }
}
