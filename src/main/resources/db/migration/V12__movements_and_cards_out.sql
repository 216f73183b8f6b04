-- Membership movements (avenants) go to each insurer in numbered batches; the insurer acknowledges
-- each one by its dispatch id. Which members a contract covers is in the insurer's mapping.
create table movement_batch (
    id             bigserial primary key,
    batch_number   varchar(50)  not null unique,
    policy_number  varchar(40)  not null references insurance_contract (policy_number),
    status         varchar(10)  not null check (status in ('CREATED', 'SENT', 'FAILED')),
    movement_count integer      not null,
    file_name      varchar(255),
    exchange_id    bigint references exchange (id),
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    queued_at      timestamptz,
    sent_at        timestamptz,
    failure_reason varchar(500)
);

create table movement_dispatch (
    id              bigserial primary key,
    movement_id     uuid         not null references membership_movement (id),
    policy_number   varchar(40)  not null,
    batch_id        bigint       not null references movement_batch (id),
    status          varchar(10)  not null check (status in ('PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'RESEND')),
    insurer_code    varchar(20),
    insurer_label   varchar(200),
    ack_exchange_id bigint,
    acked_at        timestamptz,
    unique (movement_id, policy_number)
);
create index dispatch_by_batch on movement_dispatch (batch_id);
create index dispatch_rejected on movement_dispatch (policy_number) where status = 'REJECTED';

-- cards printed and revoked in numbered batches per contract
create table card_batch (
    id            bigserial primary key,
    batch_number  varchar(50)  not null unique,
    policy_number varchar(40)  not null references insurance_contract (policy_number),
    issued        integer      not null,
    revoked       integer      not null,
    created_by    varchar(100) not null,
    created_at    timestamptz  not null
);
alter table member_card add column issue_batch_id bigint references card_batch (id);
alter table member_card add column revoke_batch_id bigint references card_batch (id);
alter table member_card alter column reason type varchar(100);
