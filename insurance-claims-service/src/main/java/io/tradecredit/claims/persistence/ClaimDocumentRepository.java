package io.tradecredit.claims.persistence;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.ClaimDocument;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The document references of claims (claim_document); the caller has found the claim for its tenant. */
@ApplicationScoped
public class ClaimDocumentRepository {

    public Uni<Void> add(ClaimDocument d) {
        return CurrentTransaction.execute("""
                insert into claim_document (id, claim_id, name, uri, sha256, kind, added_at, added_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)""",
                CurrentTransaction.params(d.id(), d.claimId(), d.name(), d.uri().toString(), d.sha256(),
                        d.kind().name(), d.at(), d.by()))
                .replaceWithVoid();
    }

    /** The claim's documents in the order they were added. */
    public Uni<List<ClaimDocument>> ofClaim(UUID claimId) {
        return CurrentTransaction.execute("select * from claim_document where claim_id = $1 order by added_at, id",
                Tuple.of(claimId)).map(rows -> {
                    List<ClaimDocument> documents = new ArrayList<>();
                    rows.forEach(r -> documents.add(document(r)));
                    return documents;
                });
    }

    private static ClaimDocument document(Row r) {
        return new ClaimDocument(r.getUUID("id"), r.getUUID("claim_id"), r.getString("name"), URI.create(r.getString("uri")),
                r.getString("sha256"), ClaimDocument.Kind.valueOf(r.getString("kind")), r.getOffsetDateTime("added_at"),
                r.getString("added_by"));
    }
}
