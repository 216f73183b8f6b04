-- Ceilings belong to one contract: a reservation names its policy, and is read by family.
alter table ceiling_reservation add column policy_number varchar(40);
update ceiling_reservation r set policy_number = c.policy_number from claim c where c.id = r.claim_id;
alter table ceiling_reservation alter column policy_number set not null;

-- the ledger reads a family's reservations once per transaction; a cancellation releases by claim
drop index reservation_by_beneficiary;
drop index reservation_by_family;
create index reservation_by_family on ceiling_reservation (family_id) where released_at is null;
create index reservation_by_claim on ceiling_reservation (claim_id);

-- a retried request for a care voucher issues one voucher
alter table care_voucher add column request_id varchar(64) unique;
