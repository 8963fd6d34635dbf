-- The daily dunning run (docs/collections-service.md, "Daily run"). Two tables: the run's
-- progress per date and buyer (what "not yet done for this date" means to a batch), and the log
-- of steps: a step taken (sent, or superseded by a higher message) once per item for good,
-- whatever the number of runs, replicas or crashes; a skipped step once per run date.

-- a buyer dunned by the run of run_date: written in the batch that dunned it, so a batch that
-- rolls back leaves its buyers to the next attempt
create table dunning_run_buyer (
    run_date  date        not null,
    tenant_id text        not null,
    buyer_id  uuid        not null,
    done_at   timestamptz not null,
    primary key (run_date, tenant_id, buyer_id)
);

create table dunning_step_log (
    tenant_id      text          not null,
    buyer_id       uuid          not null,
    item_ref       text          not null,
    step_key       text          not null,
    run_date       date          not null,
    step_day       date          not null,
    outcome        text          not null check (outcome in ('TAKEN', 'SUPERSEDED', 'SKIPPED')),
    skip_reason    text,
    superseded_by  text,
    ladder_key     text          not null,
    ladder_version int           not null,
    -- the message that carried a TAKEN step (template, channels): the prior communication later letters quote
    template_key   text,
    channels       text,
    currency       char(3)       not null,
    collectible    numeric(19,4) not null,
    logged_at      timestamptz   not null,
    constraint dunning_step_log_reason check ((outcome = 'SKIPPED') = (skip_reason is not null))
);
-- exactly once: a second "taken" row for the same item and step is refused, so its batch rolls back
create unique index dunning_step_taken_once on dunning_step_log (tenant_id, item_ref, step_key)
    where outcome <> 'SKIPPED';
create unique index dunning_step_skipped_per_day on dunning_step_log (tenant_id, item_ref, step_key, run_date)
    where outcome = 'SKIPPED';
-- a batch loads its buyers' steps taken (and their prior messages) by buyer
create index dunning_step_log_buyer on dunning_step_log (tenant_id, buyer_id) where outcome <> 'SKIPPED';
