-- Session 35.
-- How far ahead a promise to pay may be dated, per tenant (docs/collections-service.md, "Promises"): at most this many
-- days after the day it is made; 30 for the tenants that set their terms before it existed, as for those that never did.
alter table case_terms add column max_promise_days int not null default 30;

-- An agency's reports by their id (docs/agencies.md): the topic's ce_id or the REST Idempotency-Key, told apart per
-- tenant and agency. The same report sent through both doors is applied once: whichever came second finds its id here,
-- with what it did (the case's state after it, whether it ended the placement), and changes nothing.
-- report: what the report said (its case and fields), so a different report under a used id is refused.
create table agency_report (
    tenant_id        text        not null,
    agency_code      text        not null,
    report_id        text        not null,
    case_id          uuid        not null,
    report           text        not null,
    via              text        not null,
    case_state       text,
    placement_ended  boolean,
    received_at      timestamptz not null,
    primary key (tenant_id, agency_code, report_id)
);
