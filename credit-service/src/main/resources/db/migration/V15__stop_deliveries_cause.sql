-- What started a stop-deliveries (claim-events' stop-deliveries-started `cause`: NOTIFIED, DEADLINE_MISSED,
-- INSOLVENCY), so that the credit check's reason names it (docs/credit-service.md, "insurance in the credit check").
-- Null for stops kept before this migration: the check says only the day, as it did.
alter table stop_deliveries add column cause text check (cause in ('NOTIFIED', 'DEADLINE_MISSED', 'INSOLVENCY'));
