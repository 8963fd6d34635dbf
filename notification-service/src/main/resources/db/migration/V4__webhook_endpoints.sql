-- A tenant's webhook endpoint (docs/notification-service.md, "Webhooks"): one per tenant. The
-- secret signs the bodies; the API never returns it.
create table webhook_endpoint (
    tenant_id  text primary key,
    url        text not null,
    secret     text not null,
    updated_at timestamptz not null,
    updated_by text not null
);
