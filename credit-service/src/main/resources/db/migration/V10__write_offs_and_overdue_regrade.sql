-- A written-off invoice counts in the buyer's payment behaviour as never paid (domain.BuyerLedger): what was
-- written off and when. Before, the write-off set the open amount to 0 and the bad debt left the history.
alter table invoice_position add column written_off numeric(19,4);
alter table invoice_position add column written_off_on date;

-- The daily overdue-regrade job grades again every buyer with an invoice unpaid past its due date, once per
-- buyer and date (jobs.OverdueRegradeJob): the date it last did. Before, an unpaid invoice re-graded the buyer
-- once, the day after it fell due, and never again while it stayed unpaid.
alter table buyer add column overdue_regraded_on date;
