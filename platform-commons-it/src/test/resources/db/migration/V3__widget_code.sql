-- A unique constraint for the Constraints test.
create table widget_code (
    tenant_id text not null,
    code      text not null,
    constraint widget_code_unique unique (tenant_id, code)
);
