-- A tenant's holidays and make-up working days as collections-service shares its calendar
-- (business-days-set on notification-requests): the send window opens on business days only
-- (docs/notification-service.md, "Send windows"). One row per tenant; a later calendar replaces it.
create table tenant_business_days (
    tenant_id            text        primary key,
    holidays             date[]      not null,
    make_up_working_days date[]      not null,
    set_at               timestamptz not null,
    received_at          timestamptz not null
);
