-- Insurer remittances (bordereaux de remboursement): every data line kept, matched or in suspense.
-- remittance_line and payable take a million rows per file: no foreign keys there (a check per row
-- would double the write); their ids come from the joins that matched them, in the same transaction.
create table remittance_line (
    id                 bigserial primary key,
    exchange_id        bigint         not null,
    line_no            integer        not null,
    policy_number      varchar(40)    not null,
    transmittal_number varchar(40),
    claim_number       varchar(30),
    claim_line_no      integer,
    matched_by         varchar(8)     check (matched_by in ('NUMBERS', 'CARE')),
    claim_id           bigint,
    claim_line_id      bigint,
    amount_paid        numeric(18, 3) not null,
    expected           numeric(18, 3),
    paid_before        numeric(18, 3),
    difference         numeric(18, 3),
    insurer_code       varchar(20),
    insurer_label      varchar(200),
    outcome            varchar(14)    not null check (outcome in ('RECONCILED', 'UNDERPAID', 'OVERPAID', 'REJECTED',
                                                                  'REVERSAL', 'REGULARISATION', 'SUSPENSE')),
    suspense_reason    varchar(20),
    first_answer       boolean        not null default false,
    payee_type         varchar(8),
    payee              varchar(64),
    payable_id         bigint,
    unique (exchange_id, line_no)
);
-- a claim line is answered once; later lines are regularisations, reversals or suspense, never a second payment
create unique index remittance_first_answer on remittance_line (claim_line_id) where first_answer;
create index remittance_by_claim_line on remittance_line (claim_line_id) where claim_line_id is not null;
create index remittance_suspense on remittance_line (exchange_id) where outcome = 'SUSPENSE';

-- what the hub owes after a remittance: one payable per payee and file, the sum of that payee's
-- lines (remittance_line.payable_id), to the member or to the provider under tiers payant
create table payable (
    id                 bigserial primary key,
    exchange_id        bigint         not null,
    policy_number      varchar(40)    not null,
    currency           char(3)        not null,
    payee_type         varchar(8)     not null check (payee_type in ('MEMBER', 'PROVIDER')),
    payee              varchar(64)    not null,
    lines              integer        not null check (lines > 0),
    amount             numeric(18, 3) not null check (amount > 0),
    recovered          numeric(18, 3) not null check (recovered >= 0 and recovered <= amount),
    net_amount         numeric(18, 3) not null check (net_amount = amount - recovered),
    status             varchar(10)    not null check (status in ('PAYABLE', 'BATCHED', 'PAID')),
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    unique (exchange_id, payee_type, payee)
);
create index payable_by_payee on payable (payee_type, payee, status);

-- indus: owed back by a payee, deducted from its next payables until recovered
create table overpayment (
    id                 bigserial primary key,
    origin             varchar(20)    not null check (origin in ('REVERSAL', 'NEGATIVE_LINE', 'ABOVE_INSURED_SHARE')),
    remittance_line_id bigint         not null references remittance_line (id),
    claim_id           bigint         not null references claim (id),
    claim_line_id      bigint         not null references claim_line (id),
    policy_number      varchar(40)    not null,
    currency           char(3)        not null,
    payee_type         varchar(8)     not null check (payee_type in ('MEMBER', 'PROVIDER')),
    payee              varchar(64)    not null,
    amount             numeric(18, 3) not null check (amount > 0),
    recovered          numeric(18, 3) not null check (recovered >= 0 and recovered <= amount),
    status             varchar(10)    not null check (status in ('OPEN', 'RECOVERED')),
    created_at         timestamptz    not null,
    recovered_at       timestamptz
);
create index overpayment_open_by_payee on overpayment (payee_type, payee) where status = 'OPEN';

create table overpayment_recovery (
    id             bigserial primary key,
    overpayment_id bigint         not null references overpayment (id),
    payable_id     bigint         not null references payable (id),
    amount         numeric(18, 3) not null check (amount > 0),
    created_at     timestamptz    not null
);
create index recovery_by_overpayment on overpayment_recovery (overpayment_id);

-- réclamations: a gap beyond the contract's tolerance, tracked to the insurer's answer
create table complaint (
    id                  bigserial primary key,
    policy_number       varchar(40)    not null,
    currency            char(3)        not null,
    claim_id            bigint         not null references claim (id),
    claim_line_id       bigint         not null references claim_line (id),
    remittance_line_id  bigint         not null references remittance_line (id),
    expected            numeric(18, 3) not null,
    paid                numeric(18, 3) not null,
    difference          numeric(18, 3) not null,
    reason              varchar(300)   not null,
    status              varchar(10)    not null check (status in ('OPEN', 'SENT', 'ANSWERED', 'CLOSED')),
    sent_exchange_id    bigint         references exchange (id),
    sent_at             timestamptz,
    answer              varchar(1000),
    answered_by         varchar(100),
    answered_at         timestamptz,
    closed_by           varchar(100),
    closed_at           timestamptz,
    close_reason        varchar(300),
    closing_line_id     bigint         references remittance_line (id),
    created_at          timestamptz    not null
);
create unique index complaint_open_per_line on complaint (claim_line_id) where status <> 'CLOSED';
create index complaint_by_status on complaint (policy_number, status);

-- ceiling consumption moves from expected to actual: a correction per answered line whose actual differs
create table ceiling_correction (
    id                 bigserial primary key,
    claim_id           bigint         not null references claim (id),
    line_no            integer        not null,
    remittance_line_id bigint         not null references remittance_line (id),
    delta              numeric(18, 3) not null
);
create index correction_by_claim_line on ceiling_correction (claim_id, line_no);

alter table claim drop constraint claim_status_check;
alter table claim add constraint claim_status_check check (status in ('ENTERED', 'VALUED', 'BATCHED', 'SENT', 'REIMBURSED',
    'PARTIALLY_REIMBURSED', 'REJECTED', 'REJECTED_BY_INSURER', 'CANCELLED'));
alter table claim add column insurer_reason varchar(200);

-- complaint files sent to the insurers are numbered
create sequence complaint_file_seq;
