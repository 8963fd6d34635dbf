-- A job's run for a date is claimed in a short transaction of its own and then done batch by
-- batch, each batch its own transaction (JobRunner). The row says who holds the run (owner, a
-- token per attempt), until when (lease_until, renewed by every batch: an expired lease means the
-- holder died and the run may be taken over and resumed), and how far it got, summed over the
-- committed batches. A failed attempt leaves status FAILED: running the date again resumes it.
alter table job_run
    add column owner        uuid,
    add column lease_until  timestamptz,
    add column heartbeat_at timestamptz,
    add column attempts     int    not null default 1,
    add column batches      bigint not null default 0,
    add column done         bigint not null default 0,
    add column counts       jsonb  not null default '{}',
    add column error        text;
-- the scheduler's look for runs whose holder died
create index job_run_running on job_run (lease_until) where status = 'RUNNING';
