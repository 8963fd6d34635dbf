-- Overdue notifications (docs/insurance-claims-service.md, "Overdue notification"): the tenant told the
-- insurer that an insured buyer's account is overdue, with who and when; the notification starts the
-- stop-deliveries period. overdue_notification_invoice keeps the insured overdue invoices it concerned, as
-- the exposure read model stood on the day.
create table overdue_notification (
    id                   uuid primary key,
    tenant_id            text not null,
    policy_id            uuid not null references insurance_policy (id),
    buyer_id             uuid not null,
    notified_on          date not null,
    stop_deliveries_from date not null,
    currency             text not null,
    insured_overdue      numeric(19, 4) not null,
    note                 text,
    notified_at          timestamptz not null,
    notified_by          text not null
);
create index overdue_notification_by_buyer on overdue_notification (tenant_id, buyer_id, notified_at);

create table overdue_notification_invoice (
    notification_id uuid not null references overdue_notification (id),
    line            int not null,
    invoice_id      uuid not null,
    invoice_number  text not null,
    due_date        date not null,
    open_amount     numeric(19, 4) not null,
    insured         numeric(19, 4) not null,
    primary key (notification_id, line)
);
