-- Collection cases (docs/collections-service.md, "Cases and the collector's day"; docs/domain.md
-- §3 "Cases and agencies"): one open case per buyer at most, its activity log, and the buyer's
-- payments as invoice-events state them, which promises to pay are judged against.

create table collection_case (
    tenant_id      text    not null,
    id             uuid    not null,
    buyer_id       uuid    not null,
    state          text    not null check (state in ('OPEN', 'IN_PROGRESS', 'PROMISE_TO_PAY', 'PAYMENT_PLAN',
                                                     'WITH_AGENCY', 'LEGAL', 'CLOSED')),
    close_reason   text    check (close_reason in ('PAID', 'SETTLED', 'WRITTEN_OFF', 'CLAIMED', 'ABANDONED')),
    owner          text,
    next_action_on date,
    opened_on      date    not null,
    closed_on      date,
    -- optimistic lock: a change written over one it did not see is refused (409)
    version        int     not null default 0,
    primary key (tenant_id, id),
    constraint collection_case_closed check ((state = 'CLOSED') = (close_reason is not null and closed_on is not null))
);
-- a buyer has at most one case that is not closed; a buyer overdue again after closing gets a new one
create unique index collection_case_one_open on collection_case (tenant_id, buyer_id) where state <> 'CLOSED';
create index collection_case_worklist on collection_case (tenant_id, state, next_action_on);

-- everything that happened on a case, in order: state changes, calls, notes, promises, tasks,
-- messages and their delivery, agency updates; who (a user, "dunning-run", an agency) and when
create table case_activity (
    tenant_id text        not null,
    id        uuid        not null,
    case_id   uuid        not null,
    at        timestamptz not null,
    kind      text        not null,
    actor     text        not null,
    detail    jsonb       not null default '{}'::jsonb,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id)
);
create index case_activity_of_case on case_activity (tenant_id, case_id, at, id);

-- a buyer's payment from invoice-events payment-received, reversed_on set by payment-reversed
create table received_payment (
    tenant_id   text          not null,
    payment_id  uuid          not null,
    buyer_id    uuid          not null,
    received_on date          not null,
    currency    char(3)       not null,
    amount      numeric(19,4) not null,
    reversed_on date,
    primary key (tenant_id, payment_id)
);
create index received_payment_buyer on received_payment (tenant_id, buyer_id, received_on);
