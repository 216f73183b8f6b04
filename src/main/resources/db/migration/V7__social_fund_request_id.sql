-- the caller's own id for a voucher request: a retried request returns the voucher already issued
alter table social_fund_voucher add column request_id varchar(64) unique;
