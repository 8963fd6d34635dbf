-- Whose buyer a buyer id is (docs/insurance-claims-service.md, "Whose buyer"): credit-service's buyer-registered
-- names the tenant a buyer id was minted for; the read model's invoices name it too (open_invoice, by buyer below).
-- A request, decision or claim by hand naming a buyer known only under other tenants is refused.
create table buyer_tenant (
    buyer_id      uuid not null,
    tenant_id     text not null,
    registered_at timestamptz not null,
    primary key (buyer_id, tenant_id)
);
create index open_invoice_by_buyer_id on open_invoice (buyer_id);
