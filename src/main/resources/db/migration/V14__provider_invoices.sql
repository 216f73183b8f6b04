-- Tiers payant: every line of a provider's invoice file with its outcome (the acknowledgement is
-- written from these rows), the claim an accepted act became, and the a-priori duplicate control.
create table provider_invoice_line (
    id              bigserial primary key,
    exchange_id     bigint        not null references exchange (id),
    line_no         integer       not null,
    record_type     varchar(8)    not null check (record_type in ('INVOICE', 'LINE', 'UNREAD')),
    invoice_number  varchar(30),
    provider_code   varchar(20),
    invoice_date    date,
    invoice_total   numeric(15, 3),
    beneficiary_id  uuid,
    act_code        varchar(10),
    date_of_care    date,
    quantity        integer,
    amount          numeric(15, 3),
    status          varchar(8)    not null check (status in ('ACCEPTED', 'REJECTED')),
    code            varchar(30),
    message         varchar(300),
    amount_accepted numeric(15, 3),
    currency        char(3),
    claim_number    varchar(30),
    claim_line_no   integer,
    -- NAME: the card did not match and the name and birth date found the beneficiary; the desk is told
    identified_by   varchar(10)   check (identified_by in ('CARD', 'MATRICULE', 'NAME')),
    unique (exchange_id, line_no)
);
-- the control key of the tiers-payant conditions (3.1.8): an act accepted once is never accepted again,
-- whatever the file and the day
create unique index provider_invoice_control_key on provider_invoice_line
    (provider_code, invoice_number, beneficiary_id, act_code, amount, date_of_care, invoice_total, invoice_date)
    where status = 'ACCEPTED' and record_type = 'LINE';
create index provider_invoice_by_invoice on provider_invoice_line (provider_code, invoice_number);
create index provider_invoice_flagged on provider_invoice_line (exchange_id) where identified_by = 'NAME';
-- the last resort of identification (name and birth date) reads beneficiaries by birth date
create index beneficiary_by_birth_date on beneficiary (birth_date);

-- the acknowledgement of each invoice file, queued once the file is complete, written to the provider's outbox
create table provider_invoice_ack (
    id              bigint        primary key references exchange (id),
    status          varchar(8)    not null check (status in ('PENDING', 'SENT')),
    created_at      timestamptz   not null default now(),
    queued_at       timestamptz,
    sent_at         timestamptz,
    ack_exchange_id bigint        references exchange (id)
);
