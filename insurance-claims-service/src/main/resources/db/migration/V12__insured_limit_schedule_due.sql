-- insured-limit-schedule-changed (docs/insurance-claims-service.md, "Effective insured limit") is new
-- with this version: credit- and collections-service now keep each buyer's schedule instead of the
-- decisions. Every buyer with a decision so far is due to have its schedule published once, so that
-- no buyer whose decisions came before the upgrade loses its cover there; the service drains this
-- table on startup (app.InsuredLimitSchedules.republishDue) and it stays empty afterwards.
create table insured_limit_schedule_due (
    tenant_id text not null,
    buyer_id  uuid not null,
    primary key (tenant_id, buyer_id)
);
insert into insured_limit_schedule_due (tenant_id, buyer_id)
select distinct tenant_id, buyer_id from limit_decision;
