-- The final payment date a dunning message states, as a number of days after the letter's date
-- counted as the tenant's ladder counts (docs/collections-service.md, "Payment deadline"). Tenants
-- that set their run settings before keep the platform's default.
alter table dunning_tenant_settings add column payment_deadline_days integer not null default 7
    constraint dunning_payment_deadline_days check (payment_deadline_days between 1 and 90);
