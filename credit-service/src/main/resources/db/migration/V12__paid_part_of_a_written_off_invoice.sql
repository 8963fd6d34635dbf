-- What the buyer had paid of an invoice before its rest was written off, and how late its last payment was
-- (invoice-service's written-off event, paidByBuyer): a written-off invoice weighs in the payment behaviour with
-- that part at those days past due and the written-off rest as never paid (domain.BuyerLedger). Before, only the
-- written-off part counted: 100,000 due 1 March, 60,000 paid 31 March, 40,000 written off 1 June weighed
-- 40,000 at 180 days (payment index 1) instead of 60,000 at 30 and 40,000 at 180 (90 days, index 30). Null on
-- positions written off before it, and when the buyer paid nothing: they weigh as before. Nullable columns
-- without a default rewrite nothing.
alter table invoice_position add column paid_before_write_off numeric(19,4);
alter table invoice_position add column paid_before_write_off_days integer;
