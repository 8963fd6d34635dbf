-- GET /credit-checks/{id} answers a check exactly as its POST did, so the decision log keeps
-- what the answer had and the row lacked: the exposure before the order and whether it was the
-- buyer's first order. Reasons become a JSON array: joined by newlines they could not be split
-- back when a reason quotes text with a newline in it (a block reason names a signal's source).
alter table credit_check
    add column exposure numeric(19,4),
    add column first_order boolean,
    alter column reasons type jsonb using to_jsonb(string_to_array(reasons, E'\n'));
-- Checks recorded before: the rule answered exposure + order as exposure_after, and named a first
-- order's terms as its last reason (CreditCheckRules.decide), so both can be read back from them.
update credit_check set exposure = exposure_after - order_amount,
    first_order = coalesce(reasons ->> -1 like 'first order: %', false);
alter table credit_check
    alter column exposure set not null,
    alter column first_order set not null,
    -- coarse statistics like every other column of the log (V2)
    alter column exposure set statistics 10,
    alter column first_order set statistics 10,
    alter column reasons set statistics 10;
