-- The integrators' console alerts (console.ConsoleAlerts): one row per alert, active while ended_at
-- is null. Subjects are queue names, route ids or exchange ids, never personal data.
create table console_alert (
    id           bigserial    primary key,
    rule         varchar(60)  not null,
    subject      varchar(200) not null,
    message      varchar(500) not null,
    started_at   timestamptz  not null,
    ended_at     timestamptz,
    last_seen_at timestamptz  not null
);
-- one active alert per rule and subject, whatever evaluations (or hubs) run at once
create unique index console_alert_active on console_alert (rule, subject) where ended_at is null;
create index console_alert_recent on console_alert (started_at desc, id desc);
create index console_alert_ended on console_alert (ended_at) where ended_at is not null;
