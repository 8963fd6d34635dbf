-- The prior communication a later letter quotes (docs/collections-service.md, "What goes out") is the
-- messages actually requested of notification-service and not withdrawn since: each dunning request keeps
-- its step, template, channel and the business day it was requested (the run's date, or the day a
-- collector approved the draft). The step log holds what the run drafted too, so a discarded draft or a
-- withdrawn message could not be told apart there.
alter table dunning_request
    add column step_key     text,
    add column template_key text,
    add column channel      text,
    add column requested_on date;

-- requests written before: an approved draft says what it was (the request id is the draft's id), requested on
-- the day approved in the chassis' business time zone (tradecredit.business-time-zone, Asia/Shanghai) ...
update dunning_request r set step_key = d.step_key, template_key = d.template_key, channel = d.channel,
    requested_on = (r.requested_at at time zone 'Asia/Shanghai')::date
from dunning_draft d
where d.tenant_id = r.tenant_id and d.id = r.request_id and d.state = 'APPROVED';

-- ... and a request of the run, while the outbox still holds its body, says it there (on the run's date)
update dunning_request r set step_key = o.p -> 'data' -> 'step' ->> 'key', template_key = o.p ->> 'templateKey',
    channel = o.p ->> 'channel', requested_on = (o.p -> 'data' ->> 'runDate')::date
from (select tenant_id, payload::jsonb as p from outbox
      where event_type = 'io.tradecredit.notification.message-requested.v1') o
where r.template_key is null and o.tenant_id = r.tenant_id and (o.p ->> 'requestId')::uuid = r.request_id
    and o.p ->> 'purpose' = 'dunning';

-- a run's batch loads its buyers' requests (the withdrawn ones too: LetterFacts.PriorMessage decides) by buyer
create index dunning_request_buyer on dunning_request (tenant_id, buyer_id);
