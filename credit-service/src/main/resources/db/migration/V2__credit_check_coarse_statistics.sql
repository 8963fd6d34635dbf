-- credit_check is an append-only decision log that grows with every check (86 million rows a day
-- at 1,000 checks/s). The planner only looks it up through its indexes, so coarse statistics do;
-- with the default target every automatic ANALYZE read a 30,000-row sample of random pages while
-- checks were being answered (2.5 s and 30,000 page reads on a 1.4-million-row table, measured),
-- and stalled the checks running beside it. A target of 10 samples 3,000 rows.
alter table credit_check
    alter column id set statistics 10,
    alter column tenant_id set statistics 10,
    alter column buyer_id set statistics 10,
    alter column currency set statistics 10,
    alter column order_amount set statistics 10,
    alter column outcome set statistics 10,
    alter column reasons set statistics 10,
    alter column exposure_after set statistics 10,
    alter column credit_limit set statistics 10,
    alter column grade set statistics 10,
    alter column term_days set statistics 10,
    alter column checked_by set statistics 10,
    alter column checked_at set statistics 10;
