-- Partner agencies (docs/collections-service.md, "Agencies"): a tenant's contract with each agency
-- and every stay of a case with one (a placement), from the hand-off to the day it came back.

create table agency_contract (
    tenant_id            text          not null,
    agency_code          text          not null,
    name                 text,
    success_fee_percent  numeric(7,4)  not null,
    -- ISO codes, comma-separated, in alphabetical order
    currencies           text          not null,
    hand_off_mode        text          not null,
    hand_off_days        int,
    -- the minimum overdue balance per currency, e.g. 'CNY:20000.00,USD:3000.00' ('' for none)
    hand_off_minimum     text          not null default '',
    updated_at           timestamptz   not null,
    updated_by           text          not null,
    primary key (tenant_id, agency_code),
    constraint agency_contract_mode check (hand_off_mode in ('MANUAL', 'DAYS_PAST_DUE', 'MINIMUM_AMOUNT'))
);

create table agency_placement (
    id           uuid        primary key,
    tenant_id    text        not null,
    case_id      uuid        not null,
    buyer_id     uuid        not null,
    agency_code  text        not null,
    handed_on    date        not null,
    handed_by    text        not null,
    ended_on     date,
    end_reason   text,
    ended_by     text,
    foreign key (tenant_id, agency_code) references agency_contract (tenant_id, agency_code),
    constraint agency_placement_end check ((ended_on is null) = (end_reason is null)),
    constraint agency_placement_reason check (end_reason in ('RECALLED', 'RETURNED', 'UNCOLLECTIBLE', 'SETTLED'))
);
-- a case is with at most one agency at a time
create unique index agency_placement_current on agency_placement (tenant_id, case_id) where ended_on is null;
-- the agency's view and its commission
create index agency_placement_agency on agency_placement (tenant_id, agency_code, handed_on);
