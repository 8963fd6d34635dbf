-- A buyer's collection record (docs/insurance-claims-service.md, "The dossier"): what collections-service did
-- and heard about the buyer, read from collection-cases, compact and append-only. One row per event kept: a
-- dunning run's step-taken (one per buyer and run date) is one row listing its message, legal and agency
-- steps, never a row per invoice. A claim's dossier shows the claim's buyer's rows up to the claim's day.
create table collection_record (
    event_id    text primary key,
    tenant_id   text not null,
    buyer_id    uuid not null,
    on_day      date not null,
    kind        text not null,
    summary     text not null,
    invoice_ids uuid[] not null,
    steps       text[] not null,
    channels    text[] not null,
    agency_code text,
    case_id     uuid,
    recorded_at timestamptz not null
);
create index collection_record_by_buyer on collection_record (tenant_id, buyer_id, on_day);
