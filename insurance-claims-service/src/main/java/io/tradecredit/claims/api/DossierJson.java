package io.tradecredit.claims.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tradecredit.claims.domain.ClaimDocument;
import io.tradecredit.claims.domain.CollectionEntry;
import io.tradecredit.claims.domain.Dossier;
import io.tradecredit.common.money.Money;

/** A claim's dossier and its document references as requests give them and answers show them. */
final class DossierJson {
    private DossierJson() {
    }

    public record DocumentRequest(@Schema(description = "what the document is called, at most 200 characters") String name,
            @Schema(description = "where the tenant keeps it: an absolute URI, at most 2000 characters") String uri,
            @Schema(description = "the SHA-256 of its bytes, 64 hex digits; optional") String sha256,
            @Schema(description = "INVOICE, DELIVERY_PROOF, CONTRACT, CORRESPONDENCE, AGENCY_REPORT, COURT_DOCUMENT,"
                    + " INSOLVENCY_NOTICE or OTHER") String kind) {
    }

    public record DocumentView(UUID id, String name, URI uri, String sha256, ClaimDocument.Kind kind, OffsetDateTime addedAt,
            String addedBy) {
        static DocumentView of(ClaimDocument d) {
            return new DocumentView(d.id(), d.name(), d.uri(), d.sha256(), d.kind(), d.at(), d.by());
        }
    }

    public record EntryView(LocalDate on, CollectionEntry.Kind kind, String summary, List<UUID> invoiceIds,
            @Schema(description = "the dunning steps of a run's entry") List<String> steps,
            @Schema(description = "the channels of the messages sent") List<String> channels, String agencyCode,
            UUID caseId, @Schema(description = "the collections event it was read from") String eventId) {
        static EntryView of(CollectionEntry e) {
            return new EntryView(e.on(), e.kind(), e.summary(), e.invoiceIds(), e.steps(), e.channels(), e.agencyCode(),
                    e.caseId(), e.eventId());
        }
    }

    public record View(UUID claimId, UUID policyId, UUID buyerId, String buyerName,
            @Schema(description = "the claim's invoices and their unpaid amounts (delivered under cover, not cut to the insured limit)") List<ClaimJson.InvoiceJson> invoices,
            Money unpaid,
            @Schema(description = "the day the claim was opened: the record runs up to it") LocalDate upTo,
            @Schema(description = "the buyer's dunning and case record from collection-cases, oldest first")
            List<EntryView> collectionRecord,
            @Schema(description = "the partner agencies' reports on the buyer's case, oldest first") List<EntryView> agencyReports,
            List<DocumentView> documents) {
        static View of(Dossier d) {
            return new View(d.claim().id(), d.claim().policyId(), d.claim().buyerId(), d.claim().buyerName(),
                    d.claim().invoices().stream().map(ClaimJson.InvoiceJson::of).toList(), d.claim().unpaid(), d.upTo(),
                    d.collectionRecord().stream().map(EntryView::of).toList(),
                    d.agencyReports().stream().map(EntryView::of).toList(),
                    d.documents().stream().map(DocumentView::of).toList());
        }
    }
}
