-- The outbox's payloads are stored as written, out of line but not compressed (storage EXTERNAL instead
-- of the default EXTENDED): a dunning run writes a large JSON payload per request (the letter's facts,
-- every invoice), and PostgreSQL compressing each as it is inserted and the relay decompressing it again
-- was CPU spent twice on rows read once (docs/performance.md, issue 12). Rows already written stay as they are.
alter table outbox alter column payload set storage external;
