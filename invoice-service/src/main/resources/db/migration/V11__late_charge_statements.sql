-- Late-charge statements (late-charges-stated on invoice-events, docs/invoice-service.md "Late-charge
-- statements"): the fewest days between two statements of grown charges, per tenant (default 7) ...
alter table invoicing_policy add column late_charge_statement_days int not null default 7
    constraint invoicing_policy_late_charge_statement check (late_charge_statement_days between 1 and 366);

-- ... and per overdue invoice the next day the daily job looks at its charges and the last statement
-- (its date and the charges due then), so a look is made once per date and nothing is stated twice.
alter table invoice add column late_charges_next_on date,
    add column late_charges_stated_on date,
    add column late_charges_stated_interest numeric(19,4),
    add column late_charges_stated_fee numeric(19,4);
-- invoices already overdue are looked at on the next run
update invoice set late_charges_next_on = overdue_since where status = 'OVERDUE';
create index invoice_late_charges_to_look on invoice (late_charges_next_on, id) where status = 'OVERDUE';
