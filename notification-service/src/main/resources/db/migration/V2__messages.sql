-- One row per requested message (issue 13, "Delivery"): the request_id is the key, so a second
-- request with the same id inserts nothing. The rendered content and its SHA-256 are the proof of
-- what was sent. status: QUEUED, SENDING (claimed and being handed over), SENT, DELIVERED, FAILED,
-- UNKNOWN. A SENDING row found after its hand-over timeout is UNKNOWN, never sent again.

create table message (
    request_id        uuid        primary key,
    tenant_id         text        not null,
    purpose           text        not null,
    template_key      text        not null,
    requested_channel text,
    recipient_kind    text        not null,
    buyer_id          uuid,
    language_hint     text,
    critical          boolean     not null,
    legally_required  boolean     not null,
    data              jsonb       not null,
    status            text        not null,
    channel           text,
    contact_id        uuid,
    address           text,
    from_name         text,
    from_address      text,
    reply_to          text,
    language          text,
    subject           text,
    body_text         text,
    body_html         text,
    body_sha256       text,
    failure_reason    text,
    attempts          int         not null default 0,
    next_attempt_at   timestamptz,
    claimed_at        timestamptz,
    requested_at      timestamptz not null,
    sent_at           timestamptz,
    updated_at        timestamptz not null
);
create index message_due on message (status, next_attempt_at);
create index message_of_buyer on message (tenant_id, buyer_id, requested_at desc);

-- every hand-over of a message to a channel and what came of it
create table message_attempt (
    request_id uuid        not null references message (request_id),
    attempt    int         not null,
    at         timestamptz not null,
    outcome    text        not null,
    detail     text,
    primary key (request_id, attempt)
);
