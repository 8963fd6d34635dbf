-- collections-service's read model (docs/collections-service.md, "Read model"), built from
-- invoice-events and credit-events through the chassis inbox. Amounts are as the events state
-- them; nothing here is invoice-service's or credit-service's rule again.

-- what a letter and the ladder know of a buyer, from credit-events (and the name on its invoices)
create table buyer (
    tenant_id           text        not null,
    buyer_id            uuid        not null,
    name                text,
    country             char(2),
    registration_number text,
    tax_id              text,
    grade               int,
    blocked             boolean     not null default false,
    block_reason        text,
    updated_at          timestamptz not null,
    primary key (tenant_id, buyer_id)
);

-- one invoice of a buyer, from its issue on; state OPEN until paid, cancelled or written off
create table open_invoice (
    tenant_id             text          not null,
    invoice_id            uuid          not null,
    buyer_id              uuid          not null,
    invoice_number        text          not null,
    purchase_order_number text,
    buyer_name            text,
    currency              char(3)       not null,
    total                 numeric(19,4) not null,
    open_amount           numeric(19,4) not null,
    disputed_amount       numeric(19,4) not null default 0,
    collectible_amount    numeric(19,4) not null,
    issue_date            date,
    due_date              date          not null,
    payment_terms         text,
    plan_id               uuid,
    state                 text          not null default 'OPEN',
    updated_at            timestamptz   not null,
    primary key (tenant_id, invoice_id),
    constraint open_invoice_state check (state in ('OPEN', 'PAID', 'CANCELLED', 'WRITTEN_OFF'))
);
create index open_invoice_buyer on open_invoice (tenant_id, buyer_id, due_date) where state = 'OPEN';

-- a payment plan over one or more invoices: AGREED (being kept) until invoice-service says BROKEN
create table payment_plan (
    tenant_id  text        not null,
    plan_id    uuid        not null,
    buyer_id   uuid        not null,
    state      text        not null,
    updated_at timestamptz not null,
    primary key (tenant_id, plan_id),
    constraint payment_plan_state check (state in ('AGREED', 'BROKEN'))
);

create table plan_instalment (
    tenant_id text          not null,
    plan_id   uuid          not null,
    number    int           not null,
    due_date  date          not null,
    currency  char(3)       not null,
    amount    numeric(19,4) not null,
    missed    boolean       not null default false,
    primary key (tenant_id, plan_id, number),
    foreign key (tenant_id, plan_id) references payment_plan (tenant_id, plan_id)
);
