-- Every file in or out of the hub.
create table exchange (
    id              bigserial primary key,
    partner         varchar(30)  not null,
    flow            varchar(40)  not null,
    direction       varchar(3)   not null check (direction in ('IN', 'OUT')),
    file_name       varchar(255) not null,
    sha256          char(64)     not null,
    size_bytes      bigint       not null,
    file_kind       varchar(20),
    file_date       date,
    status          varchar(20)  not null,
    duplicate_of    bigint references exchange (id),
    stored_path     varchar(500),
    received_at     timestamptz  not null default now(),
    completed_at    timestamptz,
    total_count     integer      not null default 0,
    accepted_count  integer      not null default 0,
    rejected_count  integer      not null default 0,
    chunks_expected integer,
    chunks_done     integer      not null default 0,
    failure_reason  varchar(1000)
);
-- the same content from the same partner and flow is processed once
create unique index exchange_content_once on exchange (partner, flow, sha256) where status <> 'DUPLICATE';
create index exchange_received on exchange (received_at desc);

-- a chunk of lines is applied once, whatever the redeliveries
create table exchange_chunk (
    exchange_id  bigint  not null references exchange (id),
    chunk_no     integer not null,
    processed_at timestamptz not null default now(),
    primary key (exchange_id, chunk_no)
);

create table exchange_error (
    id          bigserial primary key,
    exchange_id bigint       not null references exchange (id),
    line_no     integer      not null,
    code        varchar(40)  not null,
    message     varchar(1000) not null
);
create index exchange_error_by_exchange on exchange_error (exchange_id, line_no);

create table org_unit (
    code        varchar(20)  primary key,
    name        varchar(200) not null,
    parent_code varchar(20) references org_unit (code),
    level       varchar(20)  not null,
    valid_from  date         not null default current_date,
    valid_to    date
);

create table member (
    id                    uuid primary key,
    matricule             varchar(12)  not null unique,
    national_id           varchar(20),
    last_name             varchar(100) not null,
    first_name            varchar(100) not null,
    birth_date            date         not null,
    gender                varchar(6)   not null,
    hire_date             date         not null,
    leave_date            date,
    unit_code             varchar(20)  not null references org_unit (code),
    bank_account          varchar(34),
    phone                 varchar(30),
    email                 varchar(200),
    status                varchar(10)  not null check (status in ('ACTIVE', 'LEFT')),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);
create index member_by_unit on member (unit_code);
create index member_by_name on member (lower(last_name), lower(first_name));

create table beneficiary (
    id                    uuid primary key,
    member_id             uuid         not null references member (id),
    rank                  integer      not null,
    relationship          varchar(10)  not null check (relationship in ('MEMBER', 'SPOUSE', 'CHILD')),
    last_name             varchar(100) not null,
    first_name            varchar(100) not null,
    birth_date            date         not null,
    gender                varchar(6)   not null,
    national_id           varchar(20),
    student               boolean      not null default false,
    disabled              boolean      not null default false,
    cover_start           date         not null,
    cover_end             date,
    status                varchar(10)  not null check (status in ('ACTIVE', 'ENDED')),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    unique (member_id, rank)
);

create table member_card (
    id          uuid primary key,
    member_id   uuid        not null references member (id),
    card_number varchar(30) not null unique,
    valid_from  date        not null,
    valid_to    date,
    status      varchar(12) not null check (status in ('TO_ISSUE', 'ISSUED', 'TO_REVOKE', 'REVOKED')),
    reason      varchar(20) not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index member_card_by_member on member_card (member_id);

-- avenants d'incorporation / de retrait, kept for the insurer
create table membership_movement (
    id               uuid primary key,
    member_id        uuid        not null references member (id),
    beneficiary_id   uuid references beneficiary (id),
    movement_type    varchar(15) not null check (movement_type in ('INCORPORATION', 'RETRAIT', 'MODIFICATION')),
    effective_date   date        not null,
    -- the file the movement came from; no foreign key: every check would lock the one exchange row
    -- that all rows of a bulk load share
    exchange_id      bigint,
    line_no          integer,
    detail           varchar(500),
    created_at       timestamptz not null,
    sent_exchange_id bigint references exchange (id)
);
create index movement_by_member on membership_movement (member_id);

create table audit_entry (
    id           bigserial primary key,
    entity_type  varchar(30)  not null,
    entity_id    varchar(64)  not null,
    action       varchar(20)  not null,
    actor        varchar(100) not null,
    at           timestamptz  not null default now(),
    -- json, not jsonb: stored as written (cheaper on bulk loads), still queryable with ->>
    before_state json,
    after_state  json
);
create index audit_by_entity on audit_entry (entity_type, entity_id);

-- which (matricule, rank) pairs a HR file has listed so far: duplicate control inside the
-- file and, for full snapshots, who is missing at the end (rank -1: the whole family)
create table hr_sync_seen (
    exchange_id bigint      not null,
    matricule   varchar(12) not null,
    rank        integer     not null,
    line_no     integer     not null,
    primary key (exchange_id, matricule, rank)
);
