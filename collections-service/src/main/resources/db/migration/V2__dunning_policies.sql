-- A tenant's dunning policies (issue 12, "Policies"). Ladders and the choice of ladders are
-- versioned: every change is a new row, in force from its effective_from, so a run for an earlier
-- date still sees what was in force then. Calendar and run settings are one row per tenant (no
-- row: the defaults of BusinessCalendar, DunningRunPolicy and RunSettings). Holds pause dunning.
-- JSON columns hold the lists exactly as the domain records read them (Jackson).

create table dunning_ladder_version (
    tenant_id      text        not null,
    ladder_key     text        not null,
    version        int         not null check (version >= 1),
    effective_from date        not null,
    steps          jsonb       not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (tenant_id, ladder_key, version)
);

create table dunning_policy_version (
    tenant_id          text        not null,
    version            int         not null check (version >= 1),
    effective_from     date        not null,
    default_ladder_key text        not null,
    segment_rules      jsonb       not null,
    buyer_ladders      jsonb       not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    primary key (tenant_id, version)
);

create table dunning_tenant_settings (
    tenant_id            text primary key,
    weekend              jsonb       not null,
    holidays             jsonb       not null,
    make_up_working_days jsonb       not null,
    day_count            text        not null check (day_count in ('CALENDAR_DAYS', 'BUSINESS_DAYS')),
    tolerance            jsonb       not null,
    consolidation        boolean     not null,
    approval_mode        boolean     not null,
    updated_at           timestamptz not null,
    updated_by           text        not null
);

create table dunning_hold (
    id          uuid primary key,
    tenant_id   text        not null,
    buyer_id    uuid        not null,
    invoice_id  uuid,
    reason      text        not null check (reason in ('DISPUTE', 'PROMISE_TO_PAY', 'PAYMENT_PLAN', 'MANUAL')),
    from_day    date        not null,
    until_day   date        not null check (until_day >= from_day),
    released_on date,
    note        text,
    placed_at   timestamptz not null,
    placed_by   text        not null,
    released_by text
);
create index dunning_hold_buyer on dunning_hold (tenant_id, buyer_id, until_day);
