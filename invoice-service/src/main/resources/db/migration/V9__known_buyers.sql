-- The buyers credit-service registered (credit-events, buyer-registered), learned by the
-- messaging consumer through the inbox: invoice-service's own read model, never a call to
-- credit-service. One row per tenant and buyer; a redelivered event changes nothing.
create table known_buyer (
    tenant_id     text        not null,
    buyer_id      uuid        not null,
    registered_at timestamptz not null,
    learned_at    timestamptz not null,
    primary key (tenant_id, buyer_id)
);

-- Whether the tenant invoices buyers credit-service does not know: ACCEPT (the default, so
-- tenants keep invoicing as before) or REFUSE.
alter table invoicing_policy add column unknown_buyers text not null default 'ACCEPT'
    constraint invoicing_policy_unknown_buyers check (unknown_buyers in ('ACCEPT', 'REFUSE'));
