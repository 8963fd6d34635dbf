-- A tenant's own templates (issue 13, "Templates"): every change is a new version; the highest
-- version of (tenant, key, channel, language) renders. Without one, the platform default shipped
-- in the service (src/main/resources/templates/) renders.

create table template_version (
    tenant_id    text        not null,
    template_key text        not null,
    channel      text        not null,
    language     text        not null,
    version      int         not null check (version >= 1),
    subject      text,
    body         text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (tenant_id, template_key, channel, language, version)
);
