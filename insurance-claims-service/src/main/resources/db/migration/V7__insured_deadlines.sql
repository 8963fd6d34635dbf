-- The insurer's deadlines of each insured overdue invoice (docs/insurance-claims-service.md, "Deadlines").
-- open_invoice learns the buyer's name (for the tenant's warnings), the last instalment date of an agreed
-- payment plan (it extends the deadlines up to the MEP), and the day the deadlines job last looked at it.
alter table open_invoice add column buyer_name text;
alter table open_invoice add column plan_until date;
alter table open_invoice add column deadlines_on date;
create index open_invoice_deadlines_to_look_at on open_invoice (due_date) where open_amount > 0;

-- One row per policy, invoice and kind; id is derived from them (the notification requests' ids are
-- derived from it). judged_on is the last day the job judged the row, so a day's run judges each once.
create table insured_deadline (
    id             uuid primary key,
    tenant_id      text not null,
    policy_id      uuid not null references insurance_policy (id),
    buyer_id       uuid not null,
    invoice_id     uuid not null,
    invoice_number text not null,
    kind           text not null,
    due_date       date not null,
    extended_to    date not null,
    deadline       date not null,
    state          text not null,
    warned_on      date,
    met_on         date,
    met_by         text,
    missed_on      date,
    judged_on      date,
    unique (policy_id, invoice_id, kind)
);
create index insured_deadline_open on insured_deadline (judged_on) where state in ('UPCOMING', 'WARNED');
create index insured_deadline_by_buyer on insured_deadline (tenant_id, policy_id, buyer_id);
