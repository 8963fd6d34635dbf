-- The legal basis of the late charges (contract clause, statute), quoted by the +30 demand letter
-- (late-charges-stated terms.legalBasis); the tenant's and each buyer's own terms may state it (null: none).
-- An invoice keeps the text of the terms it was issued under, as it keeps their rates (V16): invoices issued
-- before this migration state none.
alter table invoicing_policy add column late_legal_basis text;
alter table buyer_late_charge_policy add column late_legal_basis text;
alter table invoice add column late_legal_basis text;
