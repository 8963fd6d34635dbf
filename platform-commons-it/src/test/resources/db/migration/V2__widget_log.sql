-- An append-only table for the grouped-insert test.
create table widget_log (
    id        uuid primary key,
    tenant_id text          not null,
    note      text          not null,
    amount    numeric(19,4),
    logged_at timestamptz   not null
);
