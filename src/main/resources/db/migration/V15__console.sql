-- The integrators' console (package console): a file's timeline and the outbound files it led to,
-- and searches that stay fast with a hundred thousand exchanges.

-- when the file was cut into chunks (its timeline: received, split, chunks applied, completed)
alter table exchange add column split_at timestamptz;
-- an outbound file written because of an inbound one (a provider's acknowledgement)
alter table exchange add column source_exchange_id bigint references exchange (id);
create index exchange_by_source on exchange (source_exchange_id) where source_exchange_id is not null;

-- the overview per flow and the file search by flow, partner and date
create index exchange_by_flow_received on exchange (flow, received_at desc);
create index exchange_by_partner_received on exchange (partner, received_at desc);
