-- A buyer in insolvency proceedings gets no dunning message (docs/collections-service.md, "Insolvency"):
-- blocked by credit-service for an insolvency filing (buyer-blocked, cause INSOLVENCY; lifted by
-- buyer-unblocked), or with an insolvency claim open (claim-opened, cause INSOLVENCY; ended by
-- claim-rejected or claim-withdrawn).
alter table buyer add column insolvent boolean not null default false;

create table insolvency_claim (
    tenant_id   text        not null,
    claim_id    uuid        not null,
    buyer_id    uuid        not null,
    opened_at   timestamptz not null,
    primary key (tenant_id, claim_id)
);
create index insolvency_claim_buyer on insolvency_claim (tenant_id, buyer_id);
