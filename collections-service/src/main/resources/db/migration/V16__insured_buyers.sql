-- Insured buyers and buyer contacts. Whether the tenant's credit insurance covers a buyer (issue 12, segment rules "insured or not"):
-- the insurer's limit decisions as insurance-claims-service publishes them on claim-events
-- (insured-limit-changed), kept as decided so that domain.InsuranceCover judges the cover on any
-- day (effective dates, expiry, cancellations). seq orders a buyer's decisions as they arrived,
-- which is the order insurance-claims-service recorded them (one key per buyer on the topic).

create table insured_limit_decision (
    tenant_id      text          not null,
    policy_id      uuid          not null,
    decision_id    text          not null,
    buyer_id       uuid          not null,
    outcome        text          not null check (outcome in ('APPROVED', 'PARTLY_APPROVED', 'REFUSED',
                                                             'PENDING_INVESTIGATION', 'CANCELLED')),
    amount         numeric(19,4),
    currency       char(3),
    effective_from date          not null,
    expires_on     date,
    seq            bigint        generated always as identity,
    received_at    timestamptz   not null,
    primary key (tenant_id, policy_id, decision_id)
);
create index insured_limit_decision_of_buyer on insured_limit_decision (tenant_id, buyer_id);

-- A buyer's contacts as notification-service (their owner) publishes them (contact-changed on
-- notification-status), for the agency's case file: name, function, email, mobile, language. The
-- latest event per contact wins (one key per buyer on the topic keeps them in order).
create table buyer_contact (
    tenant_id      text        not null,
    contact_id     uuid        not null,
    buyer_id       uuid        not null,
    name           text        not null,
    function       text,
    email          text,
    mobile         text,
    language       text,
    changed_at     timestamptz not null,
    primary key (tenant_id, contact_id)
);
create index buyer_contact_of_buyer on buyer_contact (tenant_id, buyer_id);
