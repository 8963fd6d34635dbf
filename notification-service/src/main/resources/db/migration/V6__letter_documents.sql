-- Letters as PDF (docs/notification-service.md, "Letters"). A letter's page (XHTML) is fixed at
-- intake: for a LETTER message it is the message's body_html; for an email that carries the
-- letter as an attachment it is letter_html below. The PDF is made once, at the first hand-over,
-- and kept here with its SHA-256: what was printed or attached is these bytes, never a re-rendering.
alter table message add column letter_html text;

create table message_document (
    request_id uuid        primary key references message (request_id),
    tenant_id  text        not null,
    filename   text        not null,
    media_type text        not null,
    content    bytea       not null,
    sha256     text        not null,
    created_at timestamptz not null
);
