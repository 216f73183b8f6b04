-- Health-care providers (prestataires). Never deleted: a provider that stops is set INACTIVE.
create table provider (
    code             varchar(20)  primary key,
    name             varchar(200) not null,
    specialty        varchar(12)  not null check (specialty in ('GENERALIST', 'SPECIALIST', 'PHARMACY', 'LAB',
                                                                'IMAGING', 'OPTICIAN', 'DENTIST', 'CLINIC',
                                                                'HOSPITAL', 'MIDWIFE')),
    conventioned     boolean      not null,
    convention_start date,
    convention_end   date,
    bank_account     varchar(34),
    phone            varchar(30),
    email            varchar(200),
    city             varchar(100),
    status           varchar(8)   not null check (status in ('ACTIVE', 'INACTIVE')),
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    -- tiers payant needs a start date to say on which days the provider is paid directly
    constraint provider_convention_has_start check (not conventioned or convention_start is not null),
    constraint provider_convention_in_order check (convention_end is null or convention_start is null
                                                   or convention_end >= convention_start)
);
create index provider_by_specialty on provider (specialty);
create index provider_by_name on provider (lower(name));
