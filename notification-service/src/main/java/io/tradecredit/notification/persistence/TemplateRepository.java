package io.tradecredit.notification.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.ChannelType;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.TemplateText;

/** A tenant's own template versions (table template_version). */
@ApplicationScoped
public class TemplateRepository {

    /** The highest version of the tenant's template, if it has one. */
    public Uni<Optional<TemplateText>> latest(String tenantId, String key, ChannelType channel, Language language) {
        return CurrentTransaction.execute("select * from template_version where tenant_id = $1 and template_key = $2"
                + " and channel = $3 and language = $4 order by version desc limit 1",
                Tuple.of(tenantId, key, channel.name(), language.tag())).map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(template(it.next())) : Optional.empty();
                });
    }

    /**
     * The highest version of every channel and language of the templates {@code keys} of
     * {@code tenantIds} (paired by position), with one statement, each with its tenant.
     */
    public Uni<List<Owned>> latestOf(String[] tenantIds, String[] keys) {
        return CurrentTransaction.execute("select distinct on (tenant_id, template_key, channel, language) * from template_version"
                + " where (tenant_id, template_key) in (select * from unnest($1::text[], $2::text[]))"
                + " order by tenant_id, template_key, channel, language, version desc", Tuple.of(tenantIds, keys)).map(rows -> {
                    List<Owned> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new Owned(r.getString("tenant_id"), template(r))));
                    return out;
                });
    }

    /** A tenant's template. */
    public record Owned(String tenantId, TemplateText template) {
    }

    /** Stores {@code t} as the next version (its own version number is ignored); returns it numbered. */
    public Uni<TemplateText> addVersion(String tenantId, TemplateText t, OffsetDateTime at, String by) {
        return CurrentTransaction.execute("""
                insert into template_version (tenant_id, template_key, channel, language, version, subject, body,
                    created_at, created_by)
                select $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $7, $8 from template_version
                where tenant_id = $1 and template_key = $2 and channel = $3 and language = $4
                returning *""", Tuple.tuple().addString(tenantId).addString(t.key()).addString(t.channel().name())
                .addString(t.language().tag()).addString(t.subject()).addString(t.body()).addOffsetDateTime(at)
                .addString(by)).map(rows -> template(rows.iterator().next()));
    }

    /** Every version of the tenant's templates, by key, channel, language and version. */
    public Uni<List<TemplateText>> all(String tenantId) {
        return CurrentTransaction.execute("select * from template_version where tenant_id = $1"
                + " order by template_key, channel, language, version", Tuple.of(tenantId)).map(rows -> {
                    List<TemplateText> out = new ArrayList<>();
                    rows.forEach(r -> out.add(template(r)));
                    return out;
                });
    }

    static TemplateText template(Row r) {
        return new TemplateText(r.getString("template_key"), ChannelType.valueOf(r.getString("channel")),
                Language.ofTag(r.getString("language")).orElseThrow(), r.getInteger("version"), r.getString("subject"),
                r.getString("body"));
    }
}
