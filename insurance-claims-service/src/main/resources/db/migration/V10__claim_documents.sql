-- The documents of a claim's dossier (docs/insurance-claims-service.md, "The dossier"): references only (a
-- name, where the document is, optionally its SHA-256, what kind it is), never the document itself.
create table claim_document (
    id       uuid primary key,
    claim_id uuid not null references claim (id),
    name     text not null,
    uri      text not null,
    sha256   text,
    kind     text not null,
    added_at timestamptz not null,
    added_by text not null
);
create index claim_document_by_claim on claim_document (claim_id, added_at);
