-- What a dunning letter prints that the read model did not hold (docs/collections-service.md,
-- "What a letter needs"): the seller's party and the buyer's address from invoice-service's issued
-- event (null for invoices issued before it carried them), and the latest late-charge figures
-- invoice-service stated (late-charges-stated) with the date they are as of and the terms behind them.
alter table open_invoice
    add column seller_name         text,
    add column seller_address      text,
    add column seller_tax_id       text,
    add column seller_bank_account text,
    add column buyer_address       text,
    add column late_charges_as_of  date,
    add column late_interest       numeric(19,4),
    add column late_fee            numeric(19,4),
    add column late_charges_total  numeric(19,4),
    add column late_daily_rate     numeric(12,8),
    add column late_fee_after_days int,
    add column late_fee_rate       numeric(12,8),
    add column late_terms_source   text,
    add column late_legal_basis    text;
