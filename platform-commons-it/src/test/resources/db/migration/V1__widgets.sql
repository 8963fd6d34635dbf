create table widget (
    id         uuid primary key,
    tenant_id  text not null,
    name       text not null,
    quantity   int  not null
);
create table widget_seen (
    event_id text primary key,
    tenant_id text not null,
    name text not null
);
