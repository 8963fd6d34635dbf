-- The insurer's deadlines count from the end of the maximum extension period, the original due date +
-- maximum_extension_days (DOMAIN §4: how long past the due date the tenant may wait before telling the insurer;
-- docs/insurance-claims-service.md, "Deadlines"). Rows recorded before counted from the due date (or a payment
-- plan's end): each deadline not MET moves by the days the MEP's end lies after its extended_to, under the policy's
-- terms in force on the day it was found missed, else last judged, else today. A moved open deadline is UPCOMING
-- again (warned again); a MISSED one whose corrected day had not passed on the day it was found missed was never
-- missed: it is UPCOMING again (so it no longer starts a stop-deliveries period, StopDeliveries); one that was missed
-- all the same keeps its miss with the corrected day. Running it again moves nothing (extended_to is the MEP's end).
with corrected as (
    select d.id, d.due_date + v.maximum_extension_days as mep_end
    from insured_deadline d
    join lateral (
        select p.maximum_extension_days from policy_version p
        where p.policy_id = d.policy_id
        order by case when p.effective_from <= coalesce(d.missed_on, d.judged_on, current_date) then 0 else 1 end,
            p.effective_from desc, p.version desc
        limit 1) v on true
    where d.state <> 'MET'
)
update insured_deadline d set
    deadline = d.deadline + (c.mep_end - d.extended_to),
    extended_to = c.mep_end,
    state = case when d.state = 'MISSED' and d.deadline + (c.mep_end - d.extended_to) < d.missed_on then 'MISSED'
        else 'UPCOMING' end,
    warned_on = case when d.state = 'MISSED' and d.deadline + (c.mep_end - d.extended_to) < d.missed_on then d.warned_on
        else null end,
    missed_on = case when d.state = 'MISSED' and d.deadline + (c.mep_end - d.extended_to) < d.missed_on then d.missed_on
        else null end,
    before_tracking = case when d.state = 'MISSED' and d.deadline + (c.mep_end - d.extended_to) < d.missed_on
        then d.before_tracking else false end,
    summarized_on = case when d.state = 'MISSED' and d.deadline + (c.mep_end - d.extended_to) < d.missed_on
        then d.summarized_on else null end,
    judged_on = null
from corrected c
where c.id = d.id and c.mep_end > d.extended_to;
