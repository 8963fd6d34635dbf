-- The daily job works in batches (InvoiceDailyJob), each batch its own transaction.
-- Overdue run: the open invoices by due date, in key order. Only OPEN rows are in the index, so a
-- batch does not pass over the invoices the earlier batches already marked overdue.
create index invoice_open_by_due on invoice (due_date, id) where status = 'OPEN';
-- Plan run: the date a plan was last judged, so a batch takes only plans not yet judged for its date.
alter table payment_plan add column judged_on date;
