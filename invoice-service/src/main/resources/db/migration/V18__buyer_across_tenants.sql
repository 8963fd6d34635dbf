-- Whose buyer a buyer id is (domain.BuyerTenancy): a read filtered by a buyer asks whether a tenant other than the
-- caller's invoiced it or had it registered. The indexes above lead with tenant_id; these find a buyer under any tenant.
create index invoice_by_buyer_any_tenant on invoice (buyer_id);
create index known_buyer_by_buyer on known_buyer (buyer_id);
