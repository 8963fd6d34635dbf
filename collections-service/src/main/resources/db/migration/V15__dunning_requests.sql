-- The dunning messages requested of notification-service (docs/collections-service.md, "Withdrawal"):
-- one row per request with the invoices it concerned and when it went out; once a payment, credit
-- note, dispute or plan leaves nothing collectible in them, when and why it was withdrawn (once: a
-- request withdrawn already is never withdrawn again).
create table dunning_request (
    tenant_id         text        not null,
    request_id        uuid        not null,
    buyer_id          uuid        not null,
    invoice_ids       uuid[]      not null,
    -- whether it dunned a payment plan's instalments (data.invoices[].instalment): an agreed plan leaves it true
    about_instalments boolean     not null,
    requested_at      timestamptz not null,
    withdrawn_at      timestamptz,
    withdrawal_reason text,
    primary key (tenant_id, request_id)
);
-- a ledger event's reaction looks up the buyer's recent requests not withdrawn yet
create index dunning_request_recent on dunning_request (tenant_id, buyer_id, requested_at) where withdrawn_at is null;

-- Captured from the outbox as each dunning request is recorded there, whichever path asks (the daily
-- run, or a draft a collector approves): neither has a second write that could be forgotten, and the
-- request body (requestId, recipient.buyerId, data.invoices[].invoiceId; schema
-- io.tradecredit.notification.message-requested.v1) is what notification-service receives. Once per
-- inserting statement, over the rows it inserted (a run's batch inserts its outbox rows in one).
create function dunning_request_recorded() returns trigger language plpgsql as $$
begin
    insert into dunning_request (tenant_id, request_id, buyer_id, invoice_ids, about_instalments, requested_at)
    select r.tenant_id, (r.p ->> 'requestId')::uuid, (r.p -> 'recipient' ->> 'buyerId')::uuid,
           array(select (i ->> 'invoiceId')::uuid from jsonb_array_elements(r.p -> 'data' -> 'invoices') i),
           exists(select 1 from jsonb_array_elements(r.p -> 'data' -> 'invoices') i where i ? 'instalment'),
           r.occurred_at
    from (select tenant_id, occurred_at, payload::jsonb as p from added
          where event_type = 'io.tradecredit.notification.message-requested.v1') r
    where r.p ->> 'purpose' = 'dunning' and r.p -> 'recipient' ->> 'kind' = 'BUYER'
    on conflict do nothing;
    return null;
end
$$;
create trigger dunning_request_recorded after insert on outbox referencing new table as added
    for each statement execute function dunning_request_recorded();
