-- Fond social: aid paid from the employer's own budget, never sent to the insurer.
create table social_fund_budget (
    budget_year integer        primary key,
    currency    char(3)        not null,
    amount      numeric(18, 3) not null check (amount >= 0),
    updated_by  varchar(100)   not null,
    updated_at  timestamptz    not null
);

create table social_fund_voucher (
    id             bigserial primary key,
    voucher_number varchar(30)    not null unique,
    budget_year    integer        not null references social_fund_budget (budget_year),
    beneficiary_id uuid           not null references beneficiary (id),
    purpose        varchar(300)   not null,
    amount         numeric(18, 3) not null check (amount > 0),
    issued_on      date           not null,
    status         varchar(12)    not null check (status in ('ISSUED', 'CANCELLED')),
    cancel_reason  varchar(300),
    created_by     varchar(100)   not null,
    created_at     timestamptz    not null
);
create index social_fund_voucher_by_year on social_fund_voucher (budget_year) where status = 'ISSUED';
