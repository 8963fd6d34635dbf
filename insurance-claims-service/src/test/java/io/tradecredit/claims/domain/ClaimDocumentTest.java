package io.tradecredit.claims.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/** A document reference of a claim's dossier: name, absolute URI, optional SHA-256, kind; every wrong field named. */
class ClaimDocumentTest {
    static final UUID CLAIM = UUID.randomUUID();
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T10:00:00Z");
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static List<String> wrongFields(String name, String uri, String sha256, String kind) {
        DomainError e = assertThrows(DomainError.class, () -> ClaimDocument.of(CLAIM, name, uri, sha256, kind, AT, "cm"));
        assertEquals("claim-document.invalid", e.code());
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aReferenceKeepsItsNameUriHashAndKind() {
        ClaimDocument d = ClaimDocument.of(CLAIM, " Delivery note 2026-0817 ", "https://dms.example.cn/docs/dn-0817.pdf",
                HASH.toUpperCase(), "DELIVERY_PROOF", AT, "cm");
        assertEquals(CLAIM, d.claimId());
        assertEquals("Delivery note 2026-0817", d.name());
        assertEquals(URI.create("https://dms.example.cn/docs/dn-0817.pdf"), d.uri());
        assertEquals(HASH, d.sha256(), "kept in lower case");
        assertEquals(ClaimDocument.Kind.DELIVERY_PROOF, d.kind());
        assertEquals(AT, d.at());
        assertEquals("cm", d.by());
        assertNull(ClaimDocument.of(CLAIM, "Court ruling", "s3://tenant-docs/ruling.pdf", null, "COURT_DOCUMENT", AT, "cm")
                .sha256());
    }

    @Test
    void everyWrongFieldIsNamed() {
        assertEquals(List.of("name", "uri", "sha256", "kind"), wrongFields(" ", "docs/dn.pdf", "abc", "PHOTO"));
        assertEquals(List.of("name", "uri", "kind"), wrongFields(null, null, null, null));
        assertEquals(List.of("name", "uri"), wrongFields("x".repeat(201), "https://x/" + "a".repeat(1991), HASH, "OTHER"));
        assertEquals(List.of("uri", "sha256"), wrongFields("Invoice", "http://bad host/x", HASH + "0", "INVOICE"));
        assertEquals(List.of("uri", "kind"), wrongFields("Invoice", " ", HASH, "invoice"));
    }

    /** A kind given but not one of the list is named as such, not as missing ("kind":"FOO" answered "is required"). */
    @Test
    void aKindGivenButUnknownIsNotOneOfTheKindsAndAMissingOneIsRequired() {
        String kinds = "[INVOICE, DELIVERY_PROOF, CONTRACT, CORRESPONDENCE, AGENCY_REPORT, COURT_DOCUMENT, INSOLVENCY_NOTICE, OTHER]";
        assertEquals("\"FOO\" is not one of " + kinds, kindMessage("FOO"));
        assertEquals("is required: one of " + kinds, kindMessage(null));
    }

    private static String kindMessage(String kind) {
        DomainError e = assertThrows(DomainError.class,
                () -> ClaimDocument.of(CLAIM, "Invoice", "https://dms.example.cn/inv.pdf", null, kind, AT, "cm"));
        return e.violations().stream().filter(v -> v.field().equals("kind")).findFirst().orElseThrow().message();
    }

    @Test
    void theLongestNameAndUriAreAccepted() {
        String uri = "https://x/" + "a".repeat(1990);
        ClaimDocument d = ClaimDocument.of(CLAIM, "n".repeat(200), uri, null, "OTHER", AT, "cm");
        assertEquals(2000, d.uri().toString().length());
        assertEquals(200, d.name().length());
    }
}
