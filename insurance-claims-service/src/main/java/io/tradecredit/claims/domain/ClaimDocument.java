package io.tradecredit.claims.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A reference to a document of a claim's dossier (the insurer asks for invoices, proof of delivery,
 * correspondence, court papers): its name, an absolute URI where the tenant keeps it, optionally the SHA-256
 * of its bytes so the insurer can check it is the one meant, and its kind. The document itself stays where
 * it is.
 */
public record ClaimDocument(UUID id, UUID claimId, String name, URI uri, String sha256, Kind kind, OffsetDateTime at,
        String by) {
    static final int MAX_NAME = 200;
    static final int MAX_URI = 2000;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** What the document is. */
    public enum Kind {
        INVOICE, DELIVERY_PROOF, CONTRACT, CORRESPONDENCE, AGENCY_REPORT, COURT_DOCUMENT, INSOLVENCY_NOTICE, OTHER
    }

    /** A new reference, valid, or refused (400 {@code claim-document.invalid}) naming every wrong field. */
    public static ClaimDocument of(UUID claimId, String name, String uri, String sha256, String kind, OffsetDateTime at,
            String by) {
        List<Violation> wrong = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            wrong.add(new Violation("name", "is required, at most " + MAX_NAME + " characters"));
        }
        URI where = absolute(uri);
        if (where == null) {
            wrong.add(new Violation("uri", "is required: an absolute URI (https://..., s3://...), at most " + MAX_URI
                    + " characters"));
        }
        String hash = sha256 == null ? null : sha256.strip().toLowerCase(Locale.ROOT);
        if (hash != null && !SHA256.matcher(hash).matches()) {
            wrong.add(new Violation("sha256", "must be 64 hexadecimal digits when given"));
        }
        Kind k = kind(kind);
        if (k == null) {
            // a value given is not missing: say it is not one of the kinds, as a wrong code is said elsewhere
            wrong.add(new Violation("kind", (kind == null ? "is required: one of " : "\"" + kind + "\" is not one of ")
                    + Arrays.toString(Kind.values())));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("claim-document.invalid", "The document reference is incomplete", wrong);
        }
        return new ClaimDocument(UUID.randomUUID(), claimId, name.strip(), where, hash, k, at, by);
    }

    private static URI absolute(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > MAX_URI) {
            return null;
        }
        try {
            URI parsed = new URI(uri.strip());
            return parsed.isAbsolute() ? parsed : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Kind kind(String kind) {
        return kind == null ? null : Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }
}
