-- Who a message reaches and how (issue 13, "Recipients and settings"): a buyer's contacts with
-- the channels each opted out of, and one row of settings per tenant (no row: the defaults of
-- NotificationSettings: no sender identity yet, channel order EMAIL, SMS, LETTER, window
-- 09:00-18:00 local, Monday to Friday).

create table contact (
    id             uuid        primary key,
    tenant_id      text        not null,
    buyer_id       uuid        not null,
    name           text        not null,
    function       text,
    email          text,
    mobile         text,
    postal_address text,
    language       text,
    time_zone      text        not null,
    -- the channels the contact opted out of, comma-separated (EMAIL,SMS)
    opted_out      text        not null default '',
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index contact_of_buyer on contact (tenant_id, buyer_id, created_at, id);

create table tenant_notification_settings (
    tenant_id       text        primary key,
    from_name       text,
    from_address    text,
    reply_to        text,
    letterhead      text,
    signatory       text,
    -- the channels in the order a message tries them, comma-separated
    channel_order   text        not null,
    window_opens    time        not null,
    window_closes   time        not null,
    -- the days of the send window, comma-separated ISO day names (MONDAY,...)
    window_days     text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);
