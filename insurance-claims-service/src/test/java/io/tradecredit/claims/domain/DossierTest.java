package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.claims.domain.CollectionEntry.Kind;
import io.tradecredit.common.money.Money;

/** A claim's dossier: the buyer's record up to the claim's day, the agency's reports apart, documents oldest first. */
class DossierTest {
    static final UUID BUYER = UUID.randomUUID();
    static final UUID CASE = UUID.randomUUID();
    static final LocalDate OPENED = LocalDate.parse("2026-11-20");

    static Claim claim() {
        return Claim.open(UUID.randomUUID(), "CNY", BUYER, "Zhejiang Trading", Claim.Cause.PROTRACTED_DEFAULT,
                List.of(new ClaimedInvoice("INV-1", UUID.randomUUID(), Money.of("50000.00", "CNY"))), OPENED, "cm");
    }

    static CollectionEntry entry(String id, String on, Kind kind) {
        return CollectionEntry.ofCase(id, BUYER, LocalDate.parse(on), kind, id, kind == Kind.AGENCY_REPORT ? "huaxin" : null,
                CASE);
    }

    static ClaimDocument document(String name, String at) {
        return ClaimDocument.of(null, name, "https://dms.example.cn/" + name, null, "OTHER", OffsetDateTime.parse(at), "cm");
    }

    @Test
    void theRecordRunsUpToAndIncludingTheClaimsDayWithTheAgencysReportsApart() {
        List<CollectionEntry> record = List.of(entry("handed", "2026-10-01", Kind.HANDED_TO_AGENCY),
                entry("steps", "2026-09-30", Kind.STEPS_TAKEN), entry("report", "2026-10-15", Kind.AGENCY_REPORT),
                entry("closed", "2026-11-20", Kind.CASE_STATE_CHANGED), entry("later", "2026-11-21", Kind.CASE_CLOSED),
                entry("late-report", "2026-11-25", Kind.AGENCY_REPORT),
                new CollectionEntry("other-buyer", UUID.randomUUID(), LocalDate.parse("2026-10-02"), Kind.CASE_OPENED, "x",
                        List.of(), List.of(), List.of(), null, null));
        Dossier d = Dossier.of(claim(), record, List.of(document("b", "2026-11-22T09:00:00Z"),
                document("a", "2026-11-21T09:00:00Z")));
        assertEquals(OPENED, d.upTo());
        assertEquals(List.of("steps", "handed", "closed"), d.collectionRecord().stream().map(CollectionEntry::eventId).toList());
        assertEquals(List.of("report"), d.agencyReports().stream().map(CollectionEntry::eventId).toList());
        assertEquals(List.of("a", "b"), d.documents().stream().map(ClaimDocument::name).toList());
        assertEquals(BUYER, d.claim().buyerId());
    }

    @Test
    void entriesOfOneDayKeepTheOrderTheyWereRecordedIn() {
        List<CollectionEntry> record = List.of(entry("opened", "2026-10-01", Kind.CASE_OPENED),
                entry("promise", "2026-10-01", Kind.PROMISE_MADE), entry("moved", "2026-10-01", Kind.CASE_STATE_CHANGED));
        assertEquals(List.of("opened", "promise", "moved"),
                Dossier.of(claim(), record, List.of()).collectionRecord().stream().map(CollectionEntry::eventId).toList());
    }
}
