-- The collector's day (docs/collections-service.md, "Cases and the collector's day"): promises
-- to pay on a case, collectors' tasks from the ladder, abandonment proposals, and the tenant's
-- terms for all three (no row: CaseTerms.DEFAULT).

create table promise_to_pay (
    tenant_id     text          not null,
    id            uuid          not null,
    case_id       uuid          not null,
    buyer_id      uuid          not null,
    currency      char(3)       not null,
    amount        numeric(19,4) not null check (amount > 0),
    made_on       date          not null,
    promised_date date          not null,
    grace_days    int           not null check (grace_days >= 0),
    hold_id       uuid          not null,
    outcome       text          not null default 'PENDING' check (outcome in ('PENDING', 'KEPT', 'BROKEN')),
    judged_on     date,
    paid          numeric(19,4),
    made_by       text          not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id)
);
-- the promise-review job's selection: pending promises by deadline
create index promise_to_pay_pending on promise_to_pay ((promised_date + grace_days), id) where outcome = 'PENDING';
create index promise_to_pay_buyer on promise_to_pay (tenant_id, buyer_id) where outcome = 'PENDING';

-- a collector's task from a taken ladder step: on the buyer's worklist entry until done
create table collector_task (
    tenant_id      text        not null,
    id             uuid        not null,
    buyer_id       uuid        not null,
    item_reference text        not null,
    step_key       text        not null,
    action_key     text        not null,
    due_on         date        not null,
    created_at     timestamptz not null,
    done_on        date,
    done_by        text,
    primary key (tenant_id, id),
    unique (tenant_id, buyer_id, item_reference, step_key, action_key)
);
create index collector_task_open on collector_task (tenant_id, buyer_id) where done_on is null;

-- a proposal to abandon a case's debt as costing more to collect than it is worth
create table abandonment_proposal (
    tenant_id     text        not null,
    case_id       uuid        not null,
    proposed_by   text        not null,
    proposed_at   timestamptz not null,
    judgements    jsonb       not null,
    confirmed_by  text,
    confirmed_at  timestamptz,
    primary key (tenant_id, case_id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id)
);

create table case_terms (
    tenant_id          text primary key,
    promise_grace_days int          not null,
    short_hold_days    int          not null,
    follow_up_days     int          not null,
    cost_per_step      jsonb        not null,
    steps_to_collect   int          not null,
    agency_fee_percent numeric(5,2) not null,
    -- WorklistPriority's weights: amountPerPoint (per currency code), otherAmountPerPoint, points per factor
    worklist           jsonb        not null,
    updated_at         timestamptz  not null,
    updated_by         text         not null
);
