-- Per-tenant letter settings (issue 13, "Templates" and "Letter"): which templates' letters carry the
-- company seal. No row: the platform's list (tradecredit.notification.letter.sealed-templates).
-- An empty array is a choice (no letter sealed), not the default.

create table tenant_sealed_templates (
    tenant_id      text        primary key,
    template_keys  text[]      not null,
    updated_at     timestamptz not null,
    updated_by     text        not null
);

-- The tenant's contact person a dunning letter names for questions (docs/domain.md §3), part of its
-- sender identity; null: the signatory and the reply-to (else From) address stand in.
alter table tenant_notification_settings add column contact_name text;
alter table tenant_notification_settings add column contact_phone text;
alter table tenant_notification_settings add column contact_email text;
