-- The file pipeline every inbound feed uses (exchange/FilePipeline).

-- A file refused as a whole (name, header, empty, cut short) is not the same content being
-- processed: the same bytes dropped again under the right name are a new exchange.
alter table exchange add column replayable boolean not null default true;
-- why a file waits for a person (HELD), and when its split was last queued (for the sweeper)
alter table exchange add column hold_reason varchar(1000);
alter table exchange add column queued_at timestamptz;
-- a failure the hub retries by itself (database or broker away) rather than waiting for a person
alter table exchange add column retry_at timestamptz;
alter table exchange add column retries integer not null default 0;
alter table exchange add column updated_at timestamptz not null default now();
-- the user who uploaded a file through the API (null for a partner's file)
alter table exchange add column submitted_by varchar(100);

drop index exchange_content_once;
create unique index exchange_content_once on exchange (partner, flow, sha256) where status <> 'DUPLICATE' and replayable;
create index exchange_by_flow_status on exchange (flow, status, file_date, id);
create index exchange_by_status on exchange (status, updated_at);

-- the line range of each chunk, and the last error of a chunk the broker is retrying
alter table exchange_chunk add column first_line integer;
alter table exchange_chunk add column last_line integer;

create table exchange_chunk_failure (
    exchange_id bigint        not null references exchange (id),
    chunk_no    integer       not null,
    first_line  integer       not null,
    last_line   integer       not null,
    attempts    integer       not null default 1,
    transient   boolean       not null,
    last_error  varchar(1000) not null,
    failed_at   timestamptz   not null default now(),
    primary key (exchange_id, chunk_no)
);
