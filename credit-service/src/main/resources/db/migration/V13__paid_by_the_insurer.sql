-- What the buyer's credit insurer paid of an invoice (a claim's indemnity: invoice-service's written-off and paid
-- events, paidByInsurer). It is not the buyer paying: it weighs in the buyer's payment behaviour as never paid, with
-- the written-off rest, or on its own when the indemnity settled the invoice (domain.BuyerLedger). Before, an invoice
-- the insurer settled counted as paid by the buyer at the insurer's days past due (60,000 settled by the insurer 122
-- days after its due date weighed 60,000 at 122 days), and what the insurer paid of an invoice written off counted
-- nowhere (100,000 unpaid, 72,000 indemnity, 28,000 written off weighed 28,000 at 180 days). Null on positions told
-- before it and when the insurer paid nothing: they weigh as before. paid_before_write_off and its days now also
-- hold what the buyer paid itself of an invoice the insurer's indemnity settled. A nullable column without a default
-- rewrites nothing.
alter table invoice_position add column paid_by_insurer numeric(19,4);
comment on column invoice_position.paid_before_write_off is
    'what the buyer paid itself of an invoice written off or settled by its insurer''s indemnity (V12, V13)';
comment on column invoice_position.paid_by_insurer is
    'what the buyer''s credit insurer paid of the invoice (a claim''s indemnity): never the buyer''s payment (V13)';
