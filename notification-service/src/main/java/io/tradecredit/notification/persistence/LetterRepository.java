package io.tradecredit.notification.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.notification.domain.Language;
import io.tradecredit.notification.domain.LetterDocument;
import io.tradecredit.notification.domain.LetterImage;

/**
 * Letters (V5, V6), in the current transaction: a tenant's letter images (table letter_image), the
 * page a message's letter prints (its body_html for a LETTER, letter_html for an email carrying
 * the letter) and the PDF made of it (table message_document), stored once.
 */
@ApplicationScoped
public class LetterRepository {

    /** A stored image and when it was uploaded. */
    public record StoredImage(LetterImage image, String sha256, Instant uploadedAt) {
    }

    /** What a message's letter prints, fixed at intake. */
    public record Source(String tenantId, String templateKey, Language language, String xhtml) {
    }

    public Uni<Void> saveImage(String tenantId, LetterImage image, String sha256, Instant at, String by) {
        return CurrentTransaction.execute("insert into letter_image (tenant_id, kind, png, sha256, width, height,"
                + " uploaded_at, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (tenant_id, kind)"
                + " do update set png = $3, sha256 = $4, width = $5, height = $6, uploaded_at = $7, uploaded_by = $8",
                Tuple.tuple().addString(tenantId).addString(image.kind().name()).addBuffer(Buffer.buffer(image.png()))
                        .addString(sha256).addInteger(image.width()).addInteger(image.height())
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)).addString(by)).replaceWithVoid();
    }

    public Uni<Optional<StoredImage>> image(String tenantId, LetterImage.Kind kind) {
        return CurrentTransaction.execute("select * from letter_image where tenant_id = $1 and kind = $2",
                Tuple.of(tenantId, kind.name())).map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(image(it.next())) : Optional.empty();
                });
    }

    /** Which images the tenant has uploaded. */
    public Uni<Set<LetterImage.Kind>> kinds(String tenantId) {
        return CurrentTransaction.execute("select kind from letter_image where tenant_id = $1", Tuple.of(tenantId))
                .map(rows -> {
                    Set<LetterImage.Kind> kinds = EnumSet.noneOf(LetterImage.Kind.class);
                    rows.forEach(r -> kinds.add(LetterImage.Kind.valueOf(r.getString("kind"))));
                    return kinds;
                });
    }

    /** Whether there was one to remove. */
    public Uni<Boolean> deleteImage(String tenantId, LetterImage.Kind kind) {
        return CurrentTransaction.execute("delete from letter_image where tenant_id = $1 and kind = $2",
                Tuple.of(tenantId, kind.name())).map(rows -> rows.rowCount() == 1);
    }

    /** Keeps the page of the letter an email carries as its attachment. */
    public Uni<Void> attachLetter(UUID requestId, String xhtml) {
        return CurrentTransaction.execute("update message set letter_html = $2 where request_id = $1 and letter_html is null",
                Tuple.of(requestId, xhtml)).replaceWithVoid(); // a repeated request changes nothing
    }

    /**
     * The letter of a message: the page it prints (a LETTER's own, an email's attached letter) and
     * its PDF once made; empty for a message without a letter. One query: every email asks.
     */
    public Uni<Optional<Letter>> letter(UUID requestId) {
        return CurrentTransaction.execute("select m.tenant_id, m.template_key, m.language,"
                + " case when m.channel = 'LETTER' then m.body_html else m.letter_html end as xhtml,"
                + " d.filename, d.media_type, d.content, d.sha256, d.created_at"
                + " from message m left join message_document d on d.request_id = m.request_id"
                + " where m.request_id = $1", Tuple.of(requestId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row r = it.next();
                    if (r.getString("xhtml") == null) {
                        return Optional.empty();
                    }
                    Source source = new Source(r.getString("tenant_id"), r.getString("template_key"),
                            Language.ofTag(r.getString("language")).orElseThrow(), r.getString("xhtml"));
                    return Optional.of(new Letter(source, r.getString("sha256") == null ? Optional.empty()
                            : Optional.of(document(r)), r.getOffsetDateTime("created_at") == null ? null
                                    : r.getOffsetDateTime("created_at").toInstant()));
                });
    }

    /** A message's letter: its page and, once made, its PDF and the instant it was made on (its date's day). */
    public record Letter(Source source, Optional<LetterDocument> pdf, Instant madeAt) {
    }

    /** The message's PDF, if it was made; only the tenant's own. */
    public Uni<Optional<LetterDocument>> document(String tenantId, UUID requestId) {
        return CurrentTransaction.execute("select * from message_document where request_id = $1 and tenant_id = $2",
                Tuple.of(requestId, tenantId)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    return Optional.of(document(it.next()));
                });
    }

    /**
     * Stores the message's PDF unless one is stored already (then that one stays: it is what was
     * sent); whether this one was stored.
     */
    public Uni<Boolean> saveDocument(UUID requestId, String tenantId, LetterDocument d, Instant at) {
        return CurrentTransaction.execute("insert into message_document (request_id, tenant_id, filename, media_type,"
                + " content, sha256, created_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict (request_id) do nothing",
                Tuple.tuple().addUUID(requestId).addString(tenantId).addString(d.filename()).addString(d.mediaType())
                        .addBuffer(Buffer.buffer(d.content())).addString(d.sha256())
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount() == 1);
    }

    /**
     * Replaces the message's PDF {@code previous} (by its SHA-256) with {@code d}, made at {@code at}; whether it was
     * replaced (not when another one was stored meanwhile).
     */
    public Uni<Boolean> replaceDocument(UUID requestId, String previous, LetterDocument d, Instant at) {
        return CurrentTransaction.execute("update message_document set filename = $3, media_type = $4, content = $5,"
                + " sha256 = $6, created_at = $7 where request_id = $1 and sha256 = $2",
                Tuple.tuple().addUUID(requestId).addString(previous).addString(d.filename()).addString(d.mediaType())
                        .addBuffer(Buffer.buffer(d.content())).addString(d.sha256())
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount() == 1);
    }

    private static LetterDocument document(Row r) {
        return new LetterDocument(r.getString("filename"), r.getString("media_type"), r.getBuffer("content").getBytes(),
                r.getString("sha256"));
    }

    private static StoredImage image(Row r) {
        return new StoredImage(new LetterImage(LetterImage.Kind.valueOf(r.getString("kind")), r.getBuffer("png").getBytes(),
                r.getInteger("width"), r.getInteger("height")), r.getString("sha256"),
                r.getOffsetDateTime("uploaded_at").toInstant());
    }
}
