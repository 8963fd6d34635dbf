-- A tenant's letter images (docs/notification-service.md, "Letters"): the letterhead logo and the
-- company seal (公章) printed over the signature of the letters that carry it. PNG, checked and
-- size-limited before they are stored; one of each kind per tenant, replaced by a new upload.
create table letter_image (
    tenant_id   text        not null,
    kind        text        not null,
    png         bytea       not null,
    sha256      text        not null,
    width       int         not null,
    height      int         not null,
    uploaded_at timestamptz not null,
    uploaded_by text        not null,
    primary key (tenant_id, kind)
);
