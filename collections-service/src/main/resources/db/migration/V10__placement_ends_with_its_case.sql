-- A case the tenant closes (paid, written off, claimed, abandoned) while an agency holds it ends
-- the placement too (docs/collections-service.md, "Agencies"): a fifth reason.
alter table agency_placement drop constraint agency_placement_reason;
alter table agency_placement add constraint agency_placement_reason
    check (end_reason in ('RECALLED', 'RETURNED', 'UNCOLLECTIBLE', 'SETTLED', 'CASE_CLOSED'));
