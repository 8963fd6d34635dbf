-- GET /credit-checks/{id} answers a check exactly as its POST did, so the decision log keeps
-- what the answer had and the row lacked: the exposure before the order, whether it was the
-- buyer's first order, and the reasons as a JSON array (joined by newlines they could not be
-- split back when a reason quotes text with a line break, such as a signal's source).
-- Only new, nullable columns: adding them changes no row, so the migration takes a moment however
-- long the log is, where a backfill or a type change would rewrite it (about 100 s per million
-- rows, measured) under a lock that stops every credit check. Rows recorded before keep null here
-- and are read through what they do have (CreditCheckRepository.FIND).
alter table credit_check
    add column exposure numeric(19,4),
    add column first_order boolean,
    add column reason_list jsonb,
    alter column reasons drop not null;
-- a check is recorded with its reasons in one form or the other
alter table credit_check add constraint credit_check_has_reasons
    check (reason_list is not null or reasons is not null) not valid;
-- coarse statistics like every other column of the log (V2)
alter table credit_check
    alter column exposure set statistics 10,
    alter column first_order set statistics 10,
    alter column reason_list set statistics 10;
