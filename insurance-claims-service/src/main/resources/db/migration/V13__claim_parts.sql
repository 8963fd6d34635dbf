-- Claims of more than 500 invoices (docs/insurance-claims-service.md, "Claims of more than 500 invoices"): an
-- automatic claim is split into parts of at most 500 invoices; each part is a claim of its own, numbered
-- part_number of part_of under one split_id (derived from policy, buyer and signal). Null for a claim of its own.
alter table claim add column split_id uuid;
alter table claim add column part_number int;
alter table claim add column part_of int;
create index claim_by_split on claim (split_id) where split_id is not null;
