-- Contracts: the definition (benefit schedule versions) as loaded from mappings/contracts or the API.
create table insurance_contract (
    policy_number varchar(40)  primary key,
    insurer       varchar(200) not null,
    currency      char(3)      not null,
    status        varchar(20)  not null,
    definition    text         not null,
    source        varchar(100) not null,
    updated_at    timestamptz  not null
);

-- bons de soins: pre-approvals for optical, dental and hospital care
create table care_voucher (
    id             bigserial primary key,
    voucher_number varchar(30)  not null unique,
    policy_number  varchar(40)  not null references insurance_contract (policy_number),
    beneficiary_id uuid         not null references beneficiary (id),
    act_code       varchar(20)  not null,
    issued_on      date         not null,
    valid_from     date         not null,
    valid_to       date         not null,
    status         varchar(12)  not null check (status in ('ISSUED', 'CONSUMED', 'CANCELLED')),
    consumed_by_claim_line bigint,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null
);
create index care_voucher_by_beneficiary on care_voucher (beneficiary_id, act_code);

create table transmittal (
    id                 bigserial primary key,
    transmittal_number varchar(40)   not null unique,
    policy_number      varchar(40)   not null references insurance_contract (policy_number),
    currency           char(3)       not null,
    status             varchar(12)   not null check (status in ('CREATED', 'SENT', 'FAILED')),
    claim_count        integer       not null,
    total_expected     numeric(18, 3) not null,
    data_exchange_id   bigint references exchange (id),
    slip_exchange_id   bigint references exchange (id),
    created_by         varchar(100)  not null,
    created_at         timestamptz   not null,
    sent_at            timestamptz
);

-- bulletins de soins
create table claim (
    id               bigserial primary key,
    claim_number     varchar(30)    not null unique,
    policy_number    varchar(40)    not null references insurance_contract (policy_number),
    currency         char(3)        not null,
    member_id        uuid           not null references member (id),
    beneficiary_id   uuid           not null references beneficiary (id),
    provider_code    varchar(20),
    date_of_care     date           not null,
    status           varchar(22)    not null check (status in ('ENTERED', 'VALUED', 'BATCHED', 'SENT', 'REIMBURSED',
                                                               'PARTIALLY_REIMBURSED', 'REJECTED', 'CANCELLED')),
    total_charged    numeric(18, 3) not null,
    total_expected   numeric(18, 3) not null,
    cancel_reason    varchar(500),
    transmittal_id   bigint references transmittal (id),
    created_by       varchar(100)   not null,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null
);
create index claim_by_member on claim (member_id, date_of_care);
create index claim_to_batch on claim (policy_number) where status = 'VALUED';

create table claim_line (
    id             bigserial primary key,
    claim_id       bigint         not null references claim (id),
    line_no        integer        not null,
    act_code       varchar(20)    not null,
    quantity       integer        not null check (quantity > 0),
    amount_charged numeric(18, 3) not null check (amount_charged >= 0),
    expected       numeric(18, 3) not null,
    reasons        varchar(300)   not null,
    voucher_id     bigint references care_voucher (id),
    unique (claim_id, line_no)
);
alter table care_voucher add constraint voucher_consumed_by foreign key (consumed_by_claim_line) references claim_line (id);

-- ceiling consumption reserved by valued claims; released (not deleted) when a claim is cancelled
create table ceiling_reservation (
    id             bigserial primary key,
    claim_id       bigint         not null references claim (id),
    line_no        integer        not null,
    beneficiary_id varchar(64)    not null,
    family_id      varchar(64)    not null,
    act_code       varchar(20)    not null,
    act_family     varchar(30)    not null,
    date_of_care   date           not null,
    year_start     date           not null,
    amount         numeric(18, 3) not null,
    released_at    timestamptz
);
create index reservation_by_beneficiary on ceiling_reservation (beneficiary_id, year_start) where released_at is null;
create index reservation_by_family on ceiling_reservation (family_id, year_start) where released_at is null;
