-- A tenant's language (PUT /api/v1/notification-settings, "language": zh-CN or en): what a message is written in
-- when neither its contact nor its request says (docs/notification-service.md, "REST"). Null: zh-CN, as before.
alter table tenant_notification_settings add column language text;
