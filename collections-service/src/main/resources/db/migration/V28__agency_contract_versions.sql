-- Agency contracts are versioned (docs/collections-service.md, "Agencies"): a change of an agency's
-- success fee, currencies or hand-off rule is a new version in force from its day on, never an edit
-- of the terms a past payment earned under. Until V28 the one agency_contract row was replaced, and a
-- commission statement of a past period, read again, was re-priced at the new fee.
--
-- agency_contract stays the agency's identity for the tenant (placements reference it) and keeps the
-- latest version recorded, for a reader of older code; the terms in force come from the versions.

create table agency_contract_version (
    tenant_id            text          not null,
    agency_code          text          not null,
    version              int           not null check (version >= 1),
    effective_from       date          not null,
    name                 text,
    success_fee_percent  numeric(7,4)  not null,
    -- ISO codes, comma-separated, in alphabetical order
    currencies           text          not null,
    hand_off_mode        text          not null,
    hand_off_days        int,
    -- the minimum overdue balance per currency, e.g. 'CNY:20000.00,USD:3000.00' ('' for none)
    hand_off_minimum     text          not null default '',
    recorded_at          timestamptz   not null,
    recorded_by          text          not null,
    primary key (tenant_id, agency_code, version),
    foreign key (tenant_id, agency_code) references agency_contract (tenant_id, agency_code),
    constraint agency_contract_version_mode check (hand_off_mode in ('MANUAL', 'DAYS_PAST_DUE', 'MINIMUM_AMOUNT'))
);

-- each contract saved so far is its version 1: the only terms known, so they govern every day before
-- as well (RecordedAgencyContract.inForceOn: before its first version's day a contract's first version)
insert into agency_contract_version (tenant_id, agency_code, version, effective_from, name, success_fee_percent,
        currencies, hand_off_mode, hand_off_days, hand_off_minimum, recorded_at, recorded_by)
select tenant_id, agency_code, 1, cast(updated_at as date), name, success_fee_percent, currencies, hand_off_mode,
       hand_off_days, hand_off_minimum, updated_at, updated_by
from agency_contract;
