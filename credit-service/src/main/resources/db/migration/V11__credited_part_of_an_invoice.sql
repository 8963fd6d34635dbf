-- What credit notes took off an invoice's open amount (domain.InvoicePosition.credited): a credit note is not the
-- buyer paying, so a paid invoice weighs in the payment behaviour with what was paid of it, its total less this
-- (domain.BuyerLedger). Before, 1,000 paid on time of 243,000 credited weighed 244,000 as paid on time. Positions
-- credited before it keep 0 (the notes' amounts were not kept): they weigh as they did. Adding a column with a
-- constant default rewrites nothing.
alter table invoice_position add column credited numeric(19,4) not null default 0;
