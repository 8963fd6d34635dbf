-- A tenant's time zone (PUT /api/v1/notification-settings, "timeZone", IANA): that of a contact entered or replaced
-- without one, in which its send window opens (docs/notification-service.md, "REST"). Null: Asia/Shanghai, as
-- before; contacts entered before keep the zone they were given.
alter table tenant_notification_settings add column time_zone text;
