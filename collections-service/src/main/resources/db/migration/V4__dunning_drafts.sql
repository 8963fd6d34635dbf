-- Approval mode (docs/collections-service.md, "Daily run"): the run keeps each message as a draft
-- instead of requesting it; a collector approves (the request goes out with the same id the run
-- derived) or discards it. The id is the request id: a re-run never drafts the same message twice.
create table dunning_draft (
    id           uuid primary key,
    tenant_id    text        not null,
    buyer_id     uuid        not null,
    run_date     date        not null,
    step_key     text        not null,
    channel      text        not null,
    template_key text        not null,
    request      jsonb       not null,
    state        text        not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'DISCARDED')),
    reason       text,
    created_at   timestamptz not null,
    decided_at   timestamptz,
    decided_by   text
);
create index dunning_draft_tenant on dunning_draft (tenant_id, state, run_date, id);
