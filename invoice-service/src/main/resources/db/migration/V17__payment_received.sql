-- What the payer paid when the ledger posts less of it (amount): an insurer's indemnity is posted only as far as the
-- claimed invoices are still open, the rest being the insurer's share of the buyer's payments after approval
-- (domain.IndemnityPayment.posted). Null when all that was received was posted: every payment before this migration.
alter table payment add column received_amount numeric(19,4);
alter table payment add constraint payment_received_beyond_posted
    check (received_amount is null or received_amount > amount);
