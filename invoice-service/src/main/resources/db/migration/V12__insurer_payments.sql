-- Who paid: the buyer (every payment before this migration) or the buyer's credit insurer, whose
-- indemnity on a claim (insurance-claims-service's indemnity-paid) is posted as a payment with the
-- claim id as its reference. payer_name is the insurer's name; null for the buyer.
alter table payment add column payer_kind text not null default 'BUYER';
alter table payment add column payer_name text;
alter table payment add constraint payment_payer_named check (payer_kind = 'BUYER' or payer_name is not null);
