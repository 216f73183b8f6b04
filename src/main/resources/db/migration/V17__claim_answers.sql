-- The insurer's answer to a claim is its own fact, kept beside the claim instead of rewriting it: a
-- remittance answers hundreds of thousands of claims, and an insert into this narrow table costs a
-- tenth of an update of the claim row and its five indexes. A claim's status as the desk sees it is
-- the answer when there is one, else the hub's own lifecycle (view claim_state).
create table claim_answer (
    claim_id       bigint       primary key,
    status         varchar(22)  not null check (status in ('REIMBURSED', 'PARTIALLY_REIMBURSED', 'REJECTED_BY_INSURER')),
    insurer_reason varchar(200),
    updated_at     timestamptz  not null
);

insert into claim_answer (claim_id, status, insurer_reason, updated_at)
select id, status, insurer_reason, updated_at from claim
where status in ('REIMBURSED', 'PARTIALLY_REIMBURSED', 'REJECTED_BY_INSURER');
update claim set status = 'SENT' where status in ('REIMBURSED', 'PARTIALLY_REIMBURSED', 'REJECTED_BY_INSURER');

alter table claim drop constraint claim_status_check;
alter table claim add constraint claim_status_check check (status in ('ENTERED', 'VALUED', 'BATCHED', 'SENT', 'REJECTED',
    'CANCELLED'));
alter table claim drop column insurer_reason;

create view claim_state as
select c.id as claim_id, c.claim_number, coalesce(a.status, c.status) as status, a.insurer_reason
from claim c left join claim_answer a on a.claim_id = c.id;
