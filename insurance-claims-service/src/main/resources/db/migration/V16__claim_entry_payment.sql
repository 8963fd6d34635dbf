-- The ledger's payment (or buyer-credit application) a RECEIVED line came with: a payment reversed after approval takes
-- back from the claim only what that payment brought to it, sharing back what was already shared (issue 14, session 25).
-- Lines recorded before have none: a reversal of such a payment is not matched (docs/insurance-claims-service.md).
alter table claim_entry add column payment_id uuid;
create index claim_entry_by_payment on claim_entry (claim_id, payment_id) where payment_id is not null;
