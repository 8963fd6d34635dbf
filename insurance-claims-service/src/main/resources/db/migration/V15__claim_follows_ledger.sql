-- A claim's amounts follow the ledger (docs/insurance-claims-service.md, "Payments after a claim opened").
-- 1. What each invoice was claimed for at opening: a payment or credit note before approval lowers the invoice's
--    unpaid amount, a reversal raises it again, never above this. Claims opened before are taken as claimed now.
alter table claim_invoice add column claimed_amount numeric(19, 4);
update claim_invoice set claimed_amount = unpaid_amount;
alter table claim_invoice alter column claimed_amount set not null;
-- the claims holding an invoice an invoice event names: by id, or by number for a line a claim by hand gave without id
create index claim_invoice_by_invoice on claim_invoice (invoice_id) where invoice_id is not null;
create index claim_invoice_by_number on claim_invoice (invoice_number) where invoice_id is null;

-- 2. What the buyer paid on the claimed invoices after approval and before the indemnity was paid: kept, then shared
--    as a recovery once the claim is paid.
alter table claim add column received_to_share numeric(19, 4) not null default 0;

-- 3. The invoice event a line of the log came from (a change the ledger made), null for the others.
alter table claim_entry add column event_id text;
