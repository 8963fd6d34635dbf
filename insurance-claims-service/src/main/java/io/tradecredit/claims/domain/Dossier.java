package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A claim's dossier for the insurer (docs/domain.md §4): the claimed invoices and amounts (the claim's own),
 * the buyer's collection record up to the day the claim was opened (what was done to collect before claiming;
 * later entries belong to the recovery, not to the claim), the agency's reports of the same period apart, and
 * the references of the documents the tenant added. Oldest first.
 */
public record Dossier(Claim claim, LocalDate upTo, List<CollectionEntry> collectionRecord,
        List<CollectionEntry> agencyReports, List<ClaimDocument> documents) {

    /** The dossier of {@code claim} from its buyer's record (any order) and its documents. */
    public static Dossier of(Claim claim, List<CollectionEntry> buyersRecord, List<ClaimDocument> documents) {
        LocalDate upTo = claim.openedOn();
        List<CollectionEntry> inTime = buyersRecord.stream()
                .filter(e -> e.buyerId().equals(claim.buyerId()) && !e.on().isAfter(upTo))
                .sorted(Comparator.comparing(CollectionEntry::on)).toList();
        return new Dossier(claim, upTo,
                inTime.stream().filter(e -> e.kind() != CollectionEntry.Kind.AGENCY_REPORT).toList(),
                inTime.stream().filter(e -> e.kind() == CollectionEntry.Kind.AGENCY_REPORT).toList(),
                documents.stream().sorted(Comparator.comparing(ClaimDocument::at)).toList());
    }
}
