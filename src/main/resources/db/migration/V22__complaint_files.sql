-- A complaint file is numbered and its complaints chosen in a transaction of its own, committed before the
-- file goes to the insurer: after a crash between the upload and its record, the next send carries the
-- same file (same number, same complaints), looked for on the insurer's server first; never a second file
-- under another number about the same gaps.
create table complaint_file (
    id            bigint primary key default nextval('complaint_file_seq'),
    policy_number varchar(40) not null,
    status        varchar(10) not null check (status in ('PENDING', 'SENT')),
    created_at    timestamptz not null,
    sent_at       timestamptz,
    exchange_id   bigint references exchange (id)
);
alter sequence complaint_file_seq owned by complaint_file.id;
create index complaint_file_pending on complaint_file (policy_number) where status = 'PENDING';
alter table complaint add column complaint_file_id bigint references complaint_file (id);
create index complaint_by_file on complaint (complaint_file_id) where complaint_file_id is not null;
