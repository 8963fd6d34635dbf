-- Shares every calendar a tenant set before collections-service published them (business-days-set on
-- notification-requests, events.BusinessDaysSet): notification-service's send windows keep to the
-- tenant's business days from then on. One outbox row per tenant with a calendar, written as the
-- service writes the event (the relay publishes it); setAt is when the tenant last set it.
insert into outbox (event_id, tenant_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at)
select gen_random_uuid(), tenant_id, 'notification-requests', 'business-calendar', tenant_id,
       'io.tradecredit.notification.business-days-set.v1',
       jsonb_build_object('weekend', weekend, 'holidays', holidays, 'makeUpWorkingDays', make_up_working_days,
                          'setAt', to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
       now()
from dunning_tenant_settings;
