-- Chassis tables, in every service's database (platform-commons owns them).

-- Transactional outbox: written in the transaction of the state change, published by the relay.
create table outbox (
    seq            bigint generated always as identity primary key,
    event_id       uuid        not null unique,
    tenant_id      text        not null,
    topic          text        not null,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    sent_at        timestamptz
);
-- the relay's two lookups: oldest unsent rows, and "an earlier unsent row of this aggregate?"
create index outbox_unsent_by_seq on outbox (seq) where sent_at is null;
create index outbox_unsent_by_aggregate on outbox (aggregate_id, seq) where sent_at is null;
create index outbox_sent_at on outbox (sent_at) where sent_at is not null;

-- Wakes the relays (LISTEN tradecredit_outbox) once per inserting statement, at commit.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('tradecredit_outbox', '');
    return null;
end
$$;
create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();

-- Idempotent inbox: an event id recorded with its effect; a redelivery finds it and is skipped.
create table inbox (
    consumer    text        not null,
    event_id    text        not null,
    tenant_id   text,
    event_type  text,
    received_at timestamptz not null,
    primary key (consumer, event_id)
);
create index inbox_received_at on inbox (received_at);

-- One row per job and business date: a date's run happens once, whoever asks for it.
create table job_run (
    job         text        not null,
    as_of       date        not null,
    status      text        not null,
    summary     text,
    started_at  timestamptz not null,
    finished_at timestamptz,
    primary key (job, as_of)
);
