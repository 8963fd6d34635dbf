package io.tradecredit.notification.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Tuple;

/** A tenant's choice of sealed templates (table tenant_sealed_templates, V9; no row: the platform's). */
@ApplicationScoped
public class SealedTemplatesRepository {

    /** The template keys the tenant chose; empty while it has not chosen. */
    public Uni<Optional<List<String>>> find(String tenantId) {
        return CurrentTransaction.execute("select template_keys from tenant_sealed_templates where tenant_id = $1",
                Tuple.of(tenantId)).map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(List.of(it.next().getArrayOfStrings("template_keys")))
                            : Optional.empty();
                });
    }

    public Uni<Void> save(String tenantId, List<String> keys, OffsetDateTime at, String by) {
        return CurrentTransaction.execute("""
                insert into tenant_sealed_templates (tenant_id, template_keys, updated_at, updated_by)
                values ($1, $2, $3, $4) on conflict (tenant_id) do update
                set template_keys = $2, updated_at = $3, updated_by = $4""",
                Tuple.of(tenantId, keys.toArray(String[]::new), at, by)).replaceWithVoid();
    }
}
