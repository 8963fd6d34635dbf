-- Each buyer's effective insured-limit schedule as insurance-claims-service publishes it
-- (insured-limit-schedule-changed; docs/collections-service.md, "Insured buyers"): the periods of
-- constant limit, as JSON in the event's shape (common.insurance.InsuredLimitSchedule), the latest by
-- computed_at kept per buyer. The segment rules' "insured on the day" reads it; collections no longer
-- re-derives the limit from decisions. insured_limit_decision (V16) is no longer written and stays only
-- as the history received before this version; claims republishes every buyer's schedule once after its
-- own upgrade (docs/insurance-claims-service.md, "Upgrading to the schedule").
create table insured_limit_schedule (
    tenant_id   text        not null,
    buyer_id    uuid        not null,
    periods     jsonb       not null,
    computed_at timestamptz not null,
    received_at timestamptz not null,
    primary key (tenant_id, buyer_id)
);
