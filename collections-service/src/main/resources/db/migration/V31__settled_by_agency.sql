-- An agency's settlement ends the debt of its case (docs/collections-service.md, "Agencies"; session 33): the
-- buyer's invoices in the case when the agency reported SETTLED (overdue, something collectible) are no longer
-- dunned (skip reason SETTLED_BY_AGENCY), and what they still owe is proposed for write-off through the
-- abandonment flow, with the proposal's reason ("settled by agency <code> on <date>; <amount> left").
-- Reason null: a proposal of the tenant's cost rule, as before.
create table agency_settled_invoice (
    tenant_id    text not null,
    invoice_id   uuid not null,
    case_id      uuid not null,
    agency_code  text not null,
    settled_on   date not null,
    primary key (tenant_id, invoice_id),
    foreign key (tenant_id, case_id) references collection_case (tenant_id, id)
);
create index agency_settled_invoice_case on agency_settled_invoice (tenant_id, case_id);

alter table abandonment_proposal add column reason text;
