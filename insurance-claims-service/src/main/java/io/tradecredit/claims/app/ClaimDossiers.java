package io.tradecredit.claims.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.claims.domain.Claim;
import io.tradecredit.claims.domain.ClaimDocument;
import io.tradecredit.claims.domain.Dossier;
import io.tradecredit.claims.persistence.ClaimDocumentRepository;
import io.tradecredit.claims.persistence.ClaimRepository;
import io.tradecredit.claims.persistence.CollectionRecordRepository;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.persistence.CurrentTransaction;

/** A claim's dossier ({@link Dossier}) and the document references the tenant adds to it. */
@ApplicationScoped
public class ClaimDossiers {
    @Inject
    ClaimRepository claims;

    @Inject
    CollectionRecordRepository record;

    @Inject
    ClaimDocumentRepository documents;

    @Inject
    Clock clock;

    /** The dossier of the tenant's claim; 404 for another tenant's. */
    public Uni<Dossier> of(String tenantId, UUID claimId) {
        return CurrentTransaction.run(() -> claim(tenantId, claimId).chain(c -> record.ofBuyer(tenantId, c.buyerId())
                .chain(entries -> documents.ofClaim(claimId).map(docs -> Dossier.of(c, entries, docs)))));
    }

    /** Adds a document reference to the tenant's claim (any state); 404 for another tenant's, 400 naming wrong fields. */
    public Uni<ClaimDocument> addDocument(String tenantId, UUID claimId, String name, String uri, String sha256, String kind,
            String by) {
        ClaimDocument d = ClaimDocument.of(claimId, name, uri, sha256, kind, OffsetDateTime.now(clock), by);
        return CurrentTransaction.run(() -> claim(tenantId, claimId).chain(() -> documents.add(d)).replaceWith(d));
    }

    private Uni<Claim> claim(String tenantId, UUID id) {
        return claims.find(tenantId, id).map(found -> found.orElseThrow(() -> DomainError.notFound("claim.not-found",
                "There is no claim " + id)));
    }
}
