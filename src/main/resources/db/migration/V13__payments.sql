-- Payment batches: one transfer per payee and batch, the sum of its payables net of its open
-- overpayments; a payable is in one transfer at most (payable.transfer_id, set under lock).
create table payment_batch (
    id              bigserial primary key,
    batch_number    varchar(40)    not null unique,
    debtor          varchar(40)    not null,
    file_format     varchar(10)    not null check (file_format in ('PAIN001', 'NATIONAL')),
    execution_date  date           not null,
    currency        char(3)        not null,
    criteria        varchar(1000)  not null,
    status          varchar(10)    not null check (status in ('CONFIRMED', 'SENT', 'FAILED')),
    transfer_count  integer        not null,
    total           numeric(18, 3) not null,
    file_name       varchar(255),
    exchange_id     bigint references exchange (id),
    created_by      varchar(100)   not null,
    created_at      timestamptz    not null,
    queued_at       timestamptz,
    sent_at         timestamptz
);

create table transfer (
    id             bigserial primary key,
    batch_id       bigint         not null references payment_batch (id),
    end_to_end_id  varchar(35)    not null unique,
    payee_type     varchar(8)     not null check (payee_type in ('MEMBER', 'PROVIDER')),
    payee          varchar(64)    not null,
    payee_name     varchar(140)   not null,
    account        varchar(34)    not null,
    amount         numeric(18, 3) not null check (amount > 0),
    currency       char(3)        not null,
    payables_total numeric(18, 3) not null,
    recovered      numeric(18, 3) not null,
    status         varchar(10)    not null check (status in ('SENT', 'ACCEPTED', 'REJECTED')),
    status_reason  varchar(200),
    constraint transfer_adds_up check (amount = payables_total - recovered)
);
create index transfer_by_batch on transfer (batch_id);

alter table payable add column transfer_id bigint references transfer (id);
create index payable_by_transfer on payable (transfer_id) where transfer_id is not null;

-- open overpayments recovered when a transfer is made (netted from what the payee receives)
create table transfer_recovery (
    transfer_id    bigint         not null references transfer (id),
    overpayment_id bigint         not null references overpayment (id),
    amount         numeric(18, 3) not null check (amount > 0),
    primary key (transfer_id, overpayment_id)
);
