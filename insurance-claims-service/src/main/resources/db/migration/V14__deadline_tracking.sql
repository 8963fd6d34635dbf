-- The deadlines job's remaining rules (docs/insurance-claims-service.md, "Deadlines").
-- 1. The insurer's named collector as collections-service knows it: a hand-over of the buyer's case to this
--    partner agency (collection_record, V9) meets the transfer deadline. Optional: null on older versions.
alter table policy_version add column collector_agency_code text;

-- 2. Tracking begins per policy on the first date the job runs with it ("The first run"): a deadline whose miss
--    a run before that date would have reported is recorded missed before tracking (before_tracking), told in one
--    summary per tenant and run (summarized_on), not once per invoice.
create table deadline_tracking (
    policy_id uuid primary key references insurance_policy (id),
    tenant_id text not null,
    since     date not null
);
-- Policies the job already ran with were tracked since its first run.
insert into deadline_tracking (policy_id, tenant_id, since)
select p.id, p.tenant_id, r.first_run from insurance_policy p
cross join (select min(as_of) as first_run from job_run where job = 'insurance-deadlines') r
where r.first_run is not null;

alter table insured_deadline add column before_tracking boolean not null default false;
alter table insured_deadline add column summarized_on date;
create index insured_deadline_to_summarize on insured_deadline (tenant_id) where before_tracking and summarized_on is null;
