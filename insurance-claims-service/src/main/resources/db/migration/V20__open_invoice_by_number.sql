-- A claim by hand looks up its lines' numbers tenant-wide in the read model, in the same statement as the buyer's
-- invoices (a line without id naming another buyer's invoice is refused, domain.Claim#withinLedger): by this index,
-- not a scan of the tenant's invoices. Not unique: invoice-service keeps numbers unique per tenant, the read model
-- only mirrors them.
create index open_invoice_by_number on open_invoice (tenant_id, invoice_number);
