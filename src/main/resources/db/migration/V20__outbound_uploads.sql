-- Uploads begun: a row per outbound file (flow, item: the batch, transmittal or complaint file it carries),
-- committed before the file's first byte leaves for the partner's server. After a crash between an upload
-- and its record, the row says the partner may already have the file: the hub looks on the partner's
-- server before uploading anything again (exchange.OutboundUploads, docs/formats/bank-transfers.md).
create table outbound_upload (
    flow            varchar(40)  not null,
    item            varchar(80)  not null,
    partner         varchar(20)  not null,
    file_name       varchar(255) not null,
    started_at      timestamptz  not null,
    last_attempt_at timestamptz,
    attempts        integer      not null,
    primary key (flow, item)
);

-- why a batch is FAILED: the broker gave up, or its file may have reached the bank and a person checks
alter table payment_batch add column failure_reason varchar(300);
