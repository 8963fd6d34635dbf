-- Payment plans: an overdue balance turned into instalments that become its due schedule.
create table payment_plan (
    id           uuid primary key,
    tenant_id    text          not null,
    buyer_id     uuid          not null,
    currency     char(3)       not null,
    principal    numeric(19,4) not null,
    interest     numeric(19,4) not null,
    annual_rate  numeric(12,8) not null,
    frequency    text          not null,
    agreed_on    date          not null,
    status       text          not null,
    judged_up_to int           not null default 0,
    ended_on     date,
    end_reason   text,
    created_at   timestamptz   not null,
    created_by   text          not null,
    version      bigint        not null default 0
);
create index payment_plan_by_buyer on payment_plan (tenant_id, buyer_id);
create index payment_plan_active on payment_plan (status) where status = 'ACTIVE';

create table plan_instalment (
    id        uuid primary key,
    plan_id   uuid          not null references payment_plan (id),
    number    int           not null,
    due_date  date          not null,
    principal numeric(19,4) not null,
    interest  numeric(19,4) not null,
    unique (plan_id, number)
);

create table plan_invoice (
    plan_id    uuid not null references payment_plan (id),
    invoice_id uuid not null references invoice (id),
    primary key (plan_id, invoice_id)
);
