-- Creating POSTs accept an Idempotency-Key: the first response is kept and replayed to retries.
create table idempotency_key (
    tenant_id     text        not null,
    operation     text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        int,
    response_body text,
    location      text,
    created_at    timestamptz not null,
    primary key (tenant_id, operation, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
